package pk.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import pk.registry.keys.KeyMaterialException;

/**
 * The service as an operator runs it: an H2 file database and keys under a data directory,
 * started empty, stopped and started again on what it left behind. Keys fail closed.
 */
class ServiceLifecycleFunctionalTests {

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void startsOnAnEmptyDataDirectoryAndRestartsOnItsOwnData(@TempDir Path dataDir) throws Exception {
        String firstKeyId;
        try (ConfigurableApplicationContext first = start(dataDir, "demo")) {
            assertThat(get(first, "/actuator/health").body()).contains("\"UP\"");
            assertThat(Files.exists(dataDir.resolve("registry.mv.db"))).isTrue();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("registry.mv.db"))))
                    .as("the database file is the owner's alone").isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("keys"))))
                    .isEqualTo("rwx------");
            try (var keys = Files.list(dataDir.resolve("keys"))) {
                assertThat(keys).hasSize(3).allSatisfy(key -> assertThat(
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------"));
            }
            assertThatThrownBy(() -> first.getBean(JdbcClient.class).sql("SELECT * FROM no_such_table").query().listOfRows())
                    .as("an error H2 would have written to a trace file of its own").isNotNull();
            try (var files = Files.list(dataDir)) {
                assertThat(files.filter(Files::isRegularFile)).as("no file left readable by others, not even H2's trace")
                        .allSatisfy(file -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                                .as(file.getFileName().toString()).isEqualTo("rw-------"));
            }
            firstKeyId = keyId(first);
            post(first, "/api/v1/auth/otp", "{\"mobile\":\"03331234567\"}");
            assertThat(codesStored(first)).isEqualTo(1);
        }

        try (ConfigurableApplicationContext second = start(dataDir, "demo")) {
            assertThat(get(second, "/actuator/health").body()).contains("\"UP\"");
            assertThat(keyId(second)).as("the keys generated on the first start are reused").isEqualTo(firstKeyId);
            assertThat(codesStored(second)).as("data survives the restart").isEqualTo(1);
        }
    }

    @Test
    void refusesToStartOutsideTheDemoWithoutKeys(@TempDir Path dataDir) {
        assertThatThrownBy(() -> start(dataDir).close())
                .hasRootCauseInstanceOf(KeyMaterialException.class)
                .rootCause().hasMessageContaining("missing");
        assertThat(dataDir.resolve("keys")).doesNotExist();
    }

    @Test
    void refusesToStartOutsideTheDemoWithDemoKeys(@TempDir Path dataDir) {
        start(dataDir, "demo").close();

        assertThatThrownBy(() -> start(dataDir).close())
                .hasRootCauseInstanceOf(KeyMaterialException.class)
                .rootCause().hasMessageContaining("demo");
    }

    @Test
    void refusesToStartWhenTheMasterKeyDoesNotMatchTheData(@TempDir Path dataDir, @TempDir Path otherDataDir)
            throws IOException {
        start(dataDir, "demo").close();
        start(otherDataDir, "demo").close();
        Files.copy(otherDataDir.resolve("keys/master-key.json"), dataDir.resolve("keys/master-key.json"),
                StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> start(dataDir, "demo").close())
                .hasRootCauseInstanceOf(KeyMaterialException.class)
                .rootCause().hasMessageContaining("does not match");
    }

    @Test
    void refusesToStartWithAnUnreadableKey(@TempDir Path dataDir) throws IOException {
        start(dataDir, "demo").close();
        Files.writeString(dataDir.resolve("keys/blind-index-key.json"), "not a keyset");

        assertThatThrownBy(() -> start(dataDir, "demo").close()).hasRootCauseInstanceOf(Exception.class)
                .satisfies(ex -> assertThat(causes(ex)).anyMatch(KeyMaterialException.class::isInstance));
    }

    private static ConfigurableApplicationContext start(Path dataDir, String... profiles) {
        return new SpringApplicationBuilder(RegistryApplication.class)
                .profiles(profiles)
                .run("--registry.data-dir=" + dataDir, "--server.port=0", "--spring.main.banner-mode=off");
    }

    private static java.util.List<Throwable> causes(Throwable ex) {
        var chain = new java.util.ArrayList<Throwable>();
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    private static long codesStored(ConfigurableApplicationContext context) {
        return context.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM otp_challenge").query(Long.class).single();
    }

    private String keyId(ConfigurableApplicationContext context) throws Exception {
        String jwks = get(context, "/oauth2/jwks").body();
        return jwks.replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
    }

    private HttpResponse<String> get(ConfigurableApplicationContext context, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(context, path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(ConfigurableApplicationContext context, String path, String json) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(context, path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(ConfigurableApplicationContext context, String path) {
        return URI.create("http://localhost:" + context.getEnvironment().getProperty("local.server.port") + path);
    }
}
