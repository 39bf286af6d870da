package pk.registry.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import pk.registry.household.Cnic;
import pk.registry.household.HeadIdentityCheck.Answer;
import pk.registry.kernel.MobileNumber;

/** The production adapter of the head identity check against a stand-in service: its contract, its timeouts, its silence. */
@ExtendWith(OutputCaptureExtension.class)
class HttpHeadIdentityCheckTests {

    private static final Cnic HEAD = Cnic.parse("35202-1234567-1");
    private static final MobileNumber MOBILE = MobileNumber.parse("03001234567");

    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void theServiceSaysWhetherTheCnicOwnsTheSim() throws IOException {
        HttpHeadIdentityCheck confirmed = check(200, "{\"confirmed\":true,\"reference\":\"x\"}", Duration.ZERO);

        assertThat(confirmed.check(HEAD, MOBILE)).isEqualTo(Answer.CONFIRMED);
        assertThat(bodies).singleElement().satisfies(body -> assertThat(body)
                .contains("\"cnic\":\"3520212345671\"").contains("\"mobile\":\"+923001234567\""));
        assertThat(authorizations).containsExactly("Bearer test-key");
        stop();
        assertThat(check(200, "{\"confirmed\":false}", Duration.ZERO).check(HEAD, MOBILE)).isEqualTo(Answer.NOT_CONFIRMED);
    }

    @Test
    void anythingButAVerdictIsUnavailableAndLogsNoPersonalData(CapturedOutput output) throws IOException {
        assertThat(check(500, "{\"error\":\"3520212345671 +923001234567\"}", Duration.ZERO).check(HEAD, MOBILE))
                .isEqualTo(Answer.UNAVAILABLE);
        stop();
        assertThat(check(200, "{}", Duration.ZERO).check(HEAD, MOBILE)).isEqualTo(Answer.UNAVAILABLE);
        stop();
        assertThat(check(200, "not json", Duration.ZERO).check(HEAD, MOBILE)).isEqualTo(Answer.UNAVAILABLE);

        assertThat(output.getAll()).contains("Head identity check").doesNotContain("3520212345671")
                .doesNotContain("3001234567");
    }

    @Test
    void aSlowServiceIsUnavailableOnceTheReadTimeoutPasses() throws IOException {
        HttpHeadIdentityCheck slow = check(200, "{\"confirmed\":true}", Duration.ofSeconds(3));
        long started = System.nanoTime();

        assertThat(slow.check(HEAD, MOBILE)).isEqualTo(Answer.UNAVAILABLE);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void itNeedsBothUrlAndApiKey() {
        assertThatThrownBy(() -> new HttpHeadIdentityCheck(new HttpHeadIdentityCheck.HeadCheckProperties(
                URI.create("http://127.0.0.1:1/"), null, Duration.ofSeconds(1), Duration.ofSeconds(1))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("api-key");
    }

    private HttpHeadIdentityCheck check(int status, String answer, Duration delay) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sim-owners", exchange -> answer(exchange, status, answer, delay));
        server.start();
        return new HttpHeadIdentityCheck(new HttpHeadIdentityCheck.HeadCheckProperties(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sim-owners"), "test-key",
                Duration.ofSeconds(1), Duration.ofMillis(500)));
    }

    private void answer(HttpExchange exchange, int status, String answer, Duration delay) throws IOException {
        bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
        try {
            Thread.sleep(delay.toMillis());
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
