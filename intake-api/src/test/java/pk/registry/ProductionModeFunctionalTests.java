package pk.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.sun.net.httpserver.HttpServer;

/**
 * Without the demo profile: provided keys, no demo clients, no SMS outbox, codes sent through
 * the HTTP SMS gateway, and no start at all without a head identity check for self-registration.
 */
class ProductionModeFunctionalTests {

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void withoutTheDemoProfileThereAreNoDemoClientsNorOutboxAndCodesGoToTheGateway(@TempDir Path dataDir) throws Exception {
        // keys an operator provides: generated once, without the demo mark
        new SpringApplicationBuilder(RegistryApplication.class).profiles("demo")
                .run("--registry.data-dir=" + dataDir, "--server.port=0", "--spring.main.banner-mode=off").close();
        try (var keys = Files.list(dataDir.resolve("keys"))) {
            for (Path key : keys.toList()) {
                String text = Files.readString(key);
                Files.writeString(key, text.substring(text.indexOf('\n') + 1));
            }
        }
        List<String> sent = new ArrayList<>();
        List<String> authorizations = new ArrayList<>();
        HttpServer gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/sms", exchange -> {
            sent.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        gateway.start();
        String gatewayUrl = "http://127.0.0.1:" + gateway.getAddress().getPort();
        assertThatThrownBy(() -> new SpringApplicationBuilder(RegistryApplication.class)
                .run("--registry.data-dir=" + dataDir, "--server.port=0", "--spring.main.banner-mode=off",
                        "--registry.sms.gateway.url=" + gatewayUrl + "/sms", "--registry.sms.gateway.api-key=test-key")
                .close())
                .as("no head identity check configured outside the demo")
                .rootCause().isInstanceOf(IllegalStateException.class).hasMessageContaining("registry.identity.head-check.url");
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(RegistryApplication.class)
                .run("--registry.data-dir=" + dataDir, "--server.port=0", "--spring.main.banner-mode=off",
                        "--registry.sms.gateway.url=" + gatewayUrl + "/sms", "--registry.sms.gateway.api-key=test-key",
                        "--registry.identity.head-check.url=" + gatewayUrl + "/sim-owners",
                        "--registry.identity.head-check.api-key=test-key")) {
            String base = "http://localhost:" + service.getEnvironment().getProperty("local.server.port");

            HttpResponse<String> otp = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/otp"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"mobile\":\"03001239999\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(otp.statusCode()).isEqualTo(202);
            assertThat(sent).hasSize(1);
            assertThat(sent.get(0)).contains("\"to\":\"+923001239999\"").containsPattern("code is \\d{6}");
            assertThat(authorizations).containsExactly("Bearer test-key");

            HttpResponse<String> outbox = client.send(HttpRequest.newBuilder(
                    URI.create(base + "/api/v1/demo/sms-outbox")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"mobile\":\"03001239999\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(outbox.statusCode()).isEqualTo(401);

            String basic = Base64.getEncoder().encodeToString("demo-dpo:demo-secret".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> token = client.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                    .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(token.statusCode()).isEqualTo(401);
        }
        finally {
            gateway.stop(0);
        }
    }
}
