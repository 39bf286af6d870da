package pk.registry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

import pk.registry.RegistryIntegrationTest;
import pk.testsupport.TestClock;

/**
 * Guessing client secrets at {@code POST /oauth2/token}: after a few failures of a client id from
 * one address, or from one address for any client ids, those attempts are 429 problem+json with
 * {@code Retry-After}, the right secret included, until the window has passed. Failures of a
 * client id from everywhere together close it only at addresses it has not authenticated from
 * lately, so an attacker who knows a client id cannot lock its owner out. Callers come from
 * loopback addresses: 127.0.0.1 (the client), 127.0.0.2 (an attacker), 127.0.0.3 (another
 * address). No secret or token reaches the log.
 */
@RegistryIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "registry.identity.client-authentication.failures-per-client=3",
        "registry.identity.client-authentication.failures-per-address=5",
        "registry.identity.client-authentication.window=10m",
        "registry.identity.client-authentication.known-addresses-for=20m" })
class ClientSecretThrottleIntegrationTests {

    private static final String CLIENT = "127.0.0.1";
    private static final String ATTACKER = "127.0.0.2";
    private static final String ELSEWHERE = "127.0.0.3";
    private static final String RIGHT = "demo-secret";
    private static final String WRONG = "guessed-Secret-7f3a";
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final Duration KNOWN_FOR = Duration.ofMinutes(20);

    @Autowired
    Environment environment;

    @Autowired
    TestClock clock;

    @BeforeEach
    void everyTestStartsWithFreshAllowancesAndNoKnownAddress() {
        clock.advance(KNOWN_FOR.plusSeconds(1));
    }

    @Test
    void wrongSecretsForOneClientLockItEvenWithTheRightSecretUntilTheWindowPasses(CapturedOutput log) {
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(token(CLIENT, "demo-auditor", WRONG).status()).as("attempt %d", attempt).isEqualTo(401);
        }

        Answer locked = token(CLIENT, "demo-auditor", RIGHT);

        assertTooMany(locked);
        assertThat(token(CLIENT, "demo-dpo", RIGHT).status()).as("another client is not locked").isEqualTo(200);
        clock.advance(WINDOW.minusSeconds(10));
        assertTooMany(token(CLIENT, "demo-auditor", RIGHT));
        clock.advance(Duration.ofSeconds(11));
        Answer again = token(CLIENT, "demo-auditor", RIGHT);
        assertThat(again.status()).isEqualTo(200);
        assertThat(log.getAll()).doesNotContain(WRONG).doesNotContain(RIGHT).doesNotContain(again.accessToken())
                .doesNotContain(basic("demo-auditor", WRONG)).doesNotContain(basic("demo-auditor", RIGHT));
    }

    @Test
    void failuresElsewhereNeverLockTheClientOutOfAnAddressItAuthenticatedFrom(CapturedOutput log) {
        assertThat(token(CLIENT, "demo-auditor", RIGHT).status()).isEqualTo(200);
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(token(ATTACKER, "demo-auditor", WRONG).status()).as("attempt %d", attempt).isEqualTo(401);
        }

        assertTooMany(token(ATTACKER, "demo-auditor", RIGHT));
        assertTooMany(token(ELSEWHERE, "demo-auditor", RIGHT));
        for (int request = 0; request < 3; request++) {
            assertThat(token(CLIENT, "demo-auditor", RIGHT).status()).as("request %d", request).isEqualTo(200);
        }
        assertThat(log.getAll()).contains("Client demo-auditor is refused tokens for a while at addresses it has not authenticated from");
    }

    @Test
    void anAddressTheClientHasNotAuthenticatedFromLatelyIsNoLongerKept() {
        assertThat(token(CLIENT, "demo-auditor", RIGHT).status()).isEqualTo(200);
        clock.advance(KNOWN_FOR.plusSeconds(1));
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(token(ATTACKER, "demo-auditor", WRONG).status()).as("attempt %d", attempt).isEqualTo(401);
        }

        assertTooMany(token(CLIENT, "demo-auditor", RIGHT));
    }

    @Test
    void aKnownAddressThatKeepsGuessingIsThrottledLikeAnyOther() {
        assertThat(token(CLIENT, "demo-auditor", RIGHT).status()).isEqualTo(200);
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(token(CLIENT, "demo-auditor", WRONG).status()).as("attempt %d", attempt).isEqualTo(401);
        }

        assertTooMany(token(CLIENT, "demo-auditor", RIGHT));
        assertTooMany(token(ELSEWHERE, "demo-auditor", RIGHT));
        assertThat(token(ELSEWHERE, "demo-dpo", RIGHT).status()).as("another client is not locked").isEqualTo(200);
    }

    @Test
    void oneAddressGuessingAcrossClientIdsIsThrottledWhileOtherAddressesAreNot() {
        for (int guess = 0; guess < 5; guess++) {
            assertThat(token(ATTACKER, "guess-" + guess, WRONG).status()).as("guess %d", guess).isEqualTo(401);
        }

        assertTooMany(token(ATTACKER, "guess-5", WRONG));
        assertTooMany(token(ATTACKER, "demo-dpo", RIGHT));
        assertThat(token(CLIENT, "demo-dpo", RIGHT).status()).isEqualTo(200);
        assertThat(token(CLIENT, "guess-0", WRONG).status()).isEqualTo(401);
    }

    @Test
    void theRightSecretIsNeverThrottled() {
        for (int request = 0; request < 10; request++) {
            assertThat(token(ATTACKER, "demo-dpo", RIGHT).status()).isEqualTo(200);
        }
    }

    private static void assertTooMany(Answer answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(429);
        assertThat(answer.header("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.header("Retry-After").map(Long::parseLong))
                .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1L, WINDOW.toSeconds()));
        assertThat(answer.text()).doesNotContain("access_token").doesNotContain(RIGHT).doesNotContain(WRONG);
    }

    /** A client-credentials token request sent from the given loopback address (a raw HTTP/1.1 exchange). */
    private Answer token(String from, String clientId, String secret) {
        String body = "grant_type=client_credentials";
        String request = "POST /oauth2/token HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + basic(clientId, secret)
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body;
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", environment.getProperty("local.server.port", Integer.class)),
                    5_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new Answer(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String basic(String clientId, String secret) {
        return Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private record Answer(String text) {

        int status() {
            return Integer.parseInt(text.substring(text.indexOf(' ') + 1, text.indexOf(' ') + 4));
        }

        Optional<String> header(String name) {
            String head = text.substring(0, text.indexOf("\r\n\r\n"));
            return head.lines().skip(1).filter(line -> line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst();
        }

        String accessToken() {
            int start = text.indexOf("\"access_token\":\"") + 16;
            return text.substring(start, text.indexOf('"', start));
        }
    }
}
