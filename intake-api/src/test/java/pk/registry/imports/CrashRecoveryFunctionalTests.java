package pk.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pk.registry.Http;

/**
 * kill -9 in the middle of an import, then a plain start of the service: the interrupted
 * import resumes by itself and ends with exactly the valid households stored, none twice,
 * none lost. The service runs as a separate process, as in production.
 */
class CrashRecoveryFunctionalTests {

    private static final int HOUSEHOLDS = 4000;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void anImportKilledMidFileResumesOnTheNextStartAndEndsExact(@TempDir Path dataDir) throws Exception {
        ImportFiles file = new ImportFiles();
        for (int i = 0; i < HOUSEHOLDS; i++) {
            file.household("K-" + i);
        }
        String csv = file.csv();

        int port = freePort();
        Process first = start(dataDir, port);
        String location;
        try {
            awaitHealthy(port);
            String token = token(port);
            HttpResponse<String> accepted = client.send(Http.csvUpload(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/imports"))
                            .header("Authorization", "Bearer " + token), csv).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(accepted.statusCode()).isEqualTo(202);
            location = accepted.headers().firstValue("Location").orElseThrow();
            String midway = await(port, location, token, body -> stored(body) >= 200);
            assertThat(stored(midway)).isLessThan(HOUSEHOLDS);
        }
        finally {
            first.destroyForcibly().waitFor();
        }

        int secondPort = freePort();
        Process second = start(dataDir, secondPort);
        try {
            awaitHealthy(secondPort);
            String token = token(secondPort);
            String done = await(secondPort, location, token, body -> body.contains("\"status\":\"COMPLETED\"")
                    || body.contains("\"status\":\"FAILED\""));
            assertThat(done).contains("\"status\":\"COMPLETED\"");
            assertThat(stored(done)).isEqualTo(HOUSEHOLDS);
            assertThat(done).contains("\"householdsRejected\":0");
            String dpo = tokenOf(secondPort, "demo-dpo");
            String statistics = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + secondPort + "/api/v1/statistics"))
                    .header("Authorization", "Bearer " + dpo).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(statistics).contains("\"households\":" + HOUSEHOLDS + ",");
        }
        finally {
            second.destroyForcibly().waitFor();
        }
    }

    private static Process start(Path dataDir, int port) throws IOException {
        Path log = dataDir.resolve("service-" + port + ".log");
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "pk.registry.RegistryApplication",
                "--spring.profiles.active=demo", "--registry.data-dir=" + dataDir, "--server.port=" + port,
                "--registry.imports.chunk-size=10", "--registry.imports.lease=PT3S", "--registry.imports.heartbeat=PT1S",
                "--registry.imports.recovery-delay=PT1S")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private void awaitHealthy(int port) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            }
            catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the service did not start");
    }

    private String await(int port, String location, String token, Predicate<String> done) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            String body = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + location))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
            if (done.test(body)) {
                return body;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the import did not get there in time");
    }

    private String token(int port) throws Exception {
        return tokenOf(port, "demo-field-officer");
    }

    private String tokenOf(int port, String clientId) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":demo-secret").getBytes(StandardCharsets.UTF_8));
        String body = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(body);
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    private static long stored(String status) {
        Matcher stored = Pattern.compile("\"householdsStored\":(\\d+)").matcher(status);
        return stored.find() ? Long.parseLong(stored.group(1)) : 0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
