package pk.registry.jobs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pk.registry.imports.ImportFiles;

/**
 * kill -9 in the middle of a retention sweep, then a plain start of the service: the new node
 * notices the dead run (its lease ran out), marks it failed, restarts it after its last
 * committed batch, and the sweep ends having erased every household past its period exactly
 * once. The service runs as separate processes, as in production.
 */
class DpoJobsCrashRecoveryFunctionalTests {

    private static final int HOUSEHOLDS = 3000;
    private static final Pattern WRITTEN = Pattern.compile("\"written\":(\\d+)");

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void aSweepKilledMidRunIsTakenOverOnTheNextStartAndErasesEveryHouseholdExactlyOnce(@TempDir Path dataDir)
            throws Exception {
        register(dataDir);
        ageEveryHousehold(dataDir);

        int port = freePort();
        Process killed = start(dataDir, port);
        String location;
        try {
            awaitHealthy(port);
            HttpResponse<String> accepted = client.send(HttpRequest.newBuilder(uri(port, "/api/v1/dpo/jobs/retention"))
                    .header("Authorization", "Bearer " + token(port, "demo-dpo")).POST(HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            location = accepted.headers().firstValue("Location").orElseThrow();
            String midway = await(port, location, body -> written(body) >= 300);
            assertThat(written(midway)).as("killed mid-run").isLessThan(HOUSEHOLDS);
        }
        finally {
            killed.destroyForcibly().waitFor();
        }

        int next = freePort();
        Process restarted = start(dataDir, next);
        try {
            awaitHealthy(next);
            String dead = await(next, location, body -> body.contains("\"continuedBy\":") && !body.contains("\"continuedBy\":null"));
            assertThat(dead).contains("\"status\":\"FAILED\"");
            Matcher continuedBy = Pattern.compile("\"continuedBy\":(\\d+)").matcher(dead);
            assertThat(continuedBy.find()).isTrue();
            String done = await(next, "/api/v1/dpo/jobs/" + continuedBy.group(1),
                    body -> body.contains("\"status\":\"COMPLETED\"") || body.contains("\"status\":\"FAILED\""));
            assertThat(done).contains("\"status\":\"COMPLETED\"")
                    .contains("\"inactiveHouseholds\":{\"deleted\":" + HOUSEHOLDS + "}");
        }
        finally {
            restarted.destroy();
            restarted.waitFor();
        }
        try (Connection db = open(dataDir)) {
            assertThat(count(db, "SELECT COUNT(*) FROM household")).isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM audit_event WHERE action = 'HOUSEHOLD_ERASED'"))
                    .as("each erased once").isEqualTo(HOUSEHOLDS);
            assertThat(count(db, "SELECT COUNT(DISTINCT household_id) FROM audit_event WHERE action = 'HOUSEHOLD_ERASED'"))
                    .isEqualTo(HOUSEHOLDS);
            assertThat(count(db, "SELECT COUNT(*) FROM job_lease")).as("no lease left behind").isZero();
        }
    }

    /** Households registered by a field officer's upload, on a service that is then stopped. */
    private void register(Path dataDir) throws Exception {
        ImportFiles file = new ImportFiles();
        for (int i = 0; i < HOUSEHOLDS; i++) {
            file.household("R-" + i);
        }
        int port = freePort();
        Process service = start(dataDir, port);
        try {
            awaitHealthy(port);
            String boundary = "registry-test-boundary";
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"forms.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\n" + file.csv() + "\r\n--" + boundary + "--\r\n";
            String officer = token(port, "demo-field-officer");
            HttpResponse<String> accepted = client.send(HttpRequest.newBuilder(uri(port, "/api/v1/imports"))
                    .header("Authorization", "Bearer " + officer)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(accepted.statusCode()).isEqualTo(202);
            String location = accepted.headers().firstValue("Location").orElseThrow();
            HttpRequest status = HttpRequest.newBuilder(uri(port, location)).header("Authorization", "Bearer " + officer).build();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (!client.send(status, HttpResponse.BodyHandlers.ofString()).body().contains("\"status\":\"COMPLETED\"")) {
                assertThat(Instant.now()).as("the import did not end in time").isBefore(deadline);
                Thread.sleep(200);
            }
        }
        finally {
            service.destroy();
            service.waitFor();
        }
    }

    /** Every household last changed six years ago: past the five years of inactiveHouseholds. */
    private static void ageEveryHousehold(Path dataDir) throws SQLException {
        try (Connection db = open(dataDir);
                PreparedStatement age = db.prepareStatement("UPDATE household SET updated_at = ?")) {
            age.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofDays(6 * 366))));
            assertThat(age.executeUpdate()).isEqualTo(HOUSEHOLDS);
        }
    }

    private static Connection open(Path dataDir) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("registry")
                + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;MAX_LENGTH_INPLACE_LOB=16384", "registry", "");
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** A node with short leases, small batches and no nightly sweep. */
    private static Process start(Path dataDir, int port) throws IOException {
        Path log = dataDir.resolve("service-" + port + ".log");
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "pk.registry.RegistryApplication",
                "--spring.profiles.active=demo", "--registry.data-dir=" + dataDir, "--server.port=" + port,
                "--registry.retention.batch-size=10", "--registry.retention.sweep-cron=-", "--registry.jobs.lease=PT3S",
                "--registry.jobs.heartbeat=PT1S", "--registry.jobs.recovery-delay=PT1S")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private void awaitHealthy(int port) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (client.send(HttpRequest.newBuilder(uri(port, "/actuator/health")).build(),
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

    private String await(int port, String location, Predicate<String> done) throws Exception {
        String token = token(port, "demo-dpo");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            String body = client.send(HttpRequest.newBuilder(uri(port, location)).header("Authorization", "Bearer " + token)
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            if (done.test(body)) {
                return body;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the run did not get there in time");
    }

    private String token(int port, String clientId) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":demo-secret").getBytes(StandardCharsets.UTF_8));
        String body = client.send(HttpRequest.newBuilder(uri(port, "/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(body);
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    private static long written(String status) {
        Matcher written = WRITTEN.matcher(status);
        return written.find() ? Long.parseLong(written.group(1)) : 0;
    }

    private static URI uri(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
