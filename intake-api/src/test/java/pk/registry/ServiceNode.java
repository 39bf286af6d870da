package pk.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One node of the service as a separate JVM on the H2 file of a data directory, as in
 * production, for the tests that kill it (kill -9, {@link #kill}) and start another on the same
 * data. Its output goes to {@code service-PORT.log} in the data directory. Closing it kills it if
 * it still runs, so a failed test leaves no process behind.
 */
public final class ServiceNode implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

    private final Process process;
    private final int port;
    private final Path log;

    /**
     * The arguments of a node whose jobs go in small chunks (10 households or requests a
     * transaction), whose leases run out 3 s after it dies and which looks for interrupted runs
     * every second from its first second on; no nightly sweep. Its H2 file takes every commit
     * at once ({@code WRITE_DELAY=0}), as a production database does: by default H2 writes
     * commits half a second late, and a kill -9 right after a 202 would lose the run it started.
     */
    public static String[] smallChunksShortLeases() {
        return new String[] { "--spring.datasource.url=jdbc:h2:file:${registry.data-dir}/registry;MODE=Oracle"
                + ";DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=64;CACHE_SIZE=16384;MAX_LENGTH_INPLACE_LOB=16384;TRACE_LEVEL_FILE=4;WRITE_DELAY=0",
                "--registry.retention.batch-size=10", "--registry.jobs.rescoring-chunk=10",
                "--registry.retention.sweep-cron=-", "--registry.jobs.lease=PT3S", "--registry.jobs.heartbeat=PT1S",
                "--registry.jobs.recovery-delay=PT1S" };
    }

    private ServiceNode(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts a node of the demo profile on a free port, with the data directory and the extra
     * arguments ({@code --name=value}), and waits until it answers healthy (90 s at most).
     */
    public static ServiceNode start(Path dataDir, String... arguments) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "pk.registry.RegistryApplication",
                "--spring.profiles.active=demo", "--registry.data-dir=" + dataDir, "--server.port=" + port));
        command.addAll(List.of(arguments));
        Path log = dataDir.resolve("service-" + port + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServiceNode node = new ServiceNode(process, port, log);
        try {
            node.awaitHealthy();
            return node;
        }
        catch (Exception | AssertionError ex) {
            node.kill();
            throw ex;
        }
    }

    /** kill -9: the JVM gets no chance to finish anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** A graceful stop (SIGTERM), waited for. */
    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A fresh token of the demo client ({@code demo-dpo}, {@code demo-admin}, ...) by client credentials. */
    public String token(String clientId) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":demo-secret").getBytes(StandardCharsets.UTF_8));
        String body = send(HttpRequest.newBuilder(uri("/oauth2/token")).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))).body();
        Matcher token = ACCESS_TOKEN.matcher(body);
        assertThat(token.find()).as("a token for %s", clientId).isTrue();
        return token.group(1);
    }

    /** The request, to this node's URI of the path, with the bearer token. */
    public HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> get(String path, String token) throws Exception {
        return send(request(path, token));
    }

    public HttpResponse<String> postJson(String path, String token, String json) throws Exception {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /**
     * Polls the path (every 20 ms, for {@code within} at most) until its body passes the test.
     * @return the body that passed
     */
    public String await(String path, String token, Predicate<String> until, Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        String body = "";
        while (Instant.now().isBefore(deadline)) {
            body = get(path, token).body();
            if (until.test(body)) {
                return body;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(path + " did not get there in " + within + "; last answer: " + body);
    }

    /** Waits until a line of the node's log passes the test (a job's end, say; {@code within} at most). */
    public String awaitLogLine(Predicate<String> until, Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
                Optional<String> line = lines.filter(until).findFirst();
                if (line.isPresent()) {
                    return line.get();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no such line in " + log + " in " + within);
    }

    /** Uploads the CSV as the demo field officer; answers the upload's response (202 with a Location). */
    public HttpResponse<String> upload(String token, String csv) throws Exception {
        return send(Http.csvUpload(request("/api/v1/imports", token), csv));
    }

    /** Imports the CSV as the demo field officer and waits until the import completed (3 minutes at most). */
    public void importHouseholds(String csv) throws Exception {
        String officer = token("demo-field-officer");
        HttpResponse<String> accepted = upload(officer, csv);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String status = await(accepted.headers().firstValue("Location").orElseThrow(), officer,
                body -> body.contains("\"status\":\"COMPLETED\"") || body.contains("\"status\":\"FAILED\""), Duration.ofMinutes(3));
        assertThat(status).contains("\"status\":\"COMPLETED\"").contains("\"householdsRejected\":0");
    }

    /** The H2 file of the data directory, opened directly: only while no node runs on it. */
    public static Connection database(Path dataDir) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("registry")
                + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;MAX_LENGTH_INPLACE_LOB=16384", "registry", "");
    }

    /** The single number the query answers (a {@code COUNT(*)}). */
    public static long count(Connection db, String sql) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            assertThat(rows.next()).as(sql).isTrue();
            return rows.getLong(1);
        }
    }

    /** The first number the pattern's group captures in the text, 0 if none. */
    public static long number(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }

    private void awaitHealthy() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("the service exited; see its log").isTrue();
            try {
                if (send(HttpRequest.newBuilder(uri("/actuator/health"))).statusCode() == 200) {
                    return;
                }
            }
            catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the service did not start in 90 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
