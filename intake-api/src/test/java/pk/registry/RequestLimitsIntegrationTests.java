package pk.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pk.registry.http.SecurityHeaders;

/**
 * Limits bound what is read, not what a request declares: a body sent in chunks, with no
 * length at all, stops being read at the limit and is refused with 413.
 */
@RegistryIntegrationTest
class RequestLimitsIntegrationTests {

    private static final long FIFTY_MB = 50L * 1024 * 1024;

    @Autowired
    Http http;

    @Test
    void aChunkedBodyPastTheLimitIsRefusedWithoutBeingReadToItsEnd() throws Exception {
        try (Socket socket = new Socket("localhost", http.uri("/").getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/auth/otp HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) '9');
            chunk(out, "{\"mobile\":\"".getBytes(StandardCharsets.US_ASCII));
            long sent = 0;
            InputStream in = socket.getInputStream();
            try {
                while (sent < FIFTY_MB && in.available() == 0) {
                    chunk(out, chunk);
                    sent += chunk.length;
                }
            }
            catch (IOException closedByServer) {
                // The server answered and stopped reading: what we were still sending was refused.
            }

            String response = read(in);
            assertThat(response).startsWith("HTTP/1.1 413").contains("application/problem+json");
            assertThat(sent).as("the server stopped reading long before the end").isLessThan(FIFTY_MB / 2);
        }
    }

    @Test
    void aPathTheContainerRefusesIsAnsweredWithAProblem() throws Exception {
        String response = exchange("GET /api/v1/applications/a%2Fb HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400").contains("application/problem+json").contains("\"status\":400")
                .doesNotContain("<html").doesNotContainIgnoringCase("tomcat");
        assertCarriesTheSecurityHeaders(response);
    }

    /** The container refuses TRACE before any filter runs: a problem with the security headers, and nothing echoed. */
    @Test
    void traceIsRefusedWithAProblemThatEchoesNothing() throws Exception {
        String response = exchange("TRACE /api/v1/privacy-policy HTTP/1.1\r\nHost: localhost\r\nX-Echo-Probe: 35202-1234567-1"
                + "\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 405").contains("application/problem+json").contains("\"status\":405")
                .doesNotContain("X-Echo-Probe").doesNotContain("35202").doesNotContain("message/http");
        assertCarriesTheSecurityHeaders(response);
    }

    @Test
    void headersOverTheLimitAreAnsweredWithAProblem() throws Exception {
        String response = exchange("GET /api/v1/privacy-policy HTTP/1.1\r\nHost: localhost\r\nX-Padding: "
                + "a".repeat(20 * 1024) + "\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400").contains("application/problem+json").doesNotContain("<html")
                .doesNotContainIgnoringCase("tomcat");
        assertCarriesTheSecurityHeaders(response);
    }

    private static void assertCarriesTheSecurityHeaders(String response) {
        String headers = response.substring(0, response.indexOf("\r\n\r\n"));
        assertThat(headers).contains("X-Content-Type-Options: nosniff", "X-Frame-Options: DENY",
                "Referrer-Policy: no-referrer", "Content-Security-Policy: " + SecurityHeaders.CONTENT_SECURITY_POLICY);
    }

    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket("localhost", http.uri("/").getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void chunk(OutputStream out, byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        try {
            while ((n = in.read(buffer)) > 0 && response.size() < 64 * 1024) {
                response.write(buffer, 0, n);
                if (response.toString(StandardCharsets.UTF_8).contains("\"status\":413")) {
                    break;
                }
            }
        }
        catch (IOException reset) {
            // The server closes the connection once it has answered.
        }
        return response.toString(StandardCharsets.UTF_8);
    }
}
