package pk.registry.http;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers every answer carries against sniffing, framing and leaking the referrer. Spring
 * Security writes them on the answers of the filter chain; what the container answers on its
 * own (a TRACE, a path or headers it refuses) writes them here, so no answer goes without.
 */
public final class SecurityHeaders {

    /** The service serves JSON and its API documents, nothing to embed, frame or post a form to elsewhere. */
    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; frame-ancestors 'none'; form-action 'self'; object-src 'none'";

    private SecurityHeaders() {
    }

    /** Adds the headers the response does not have yet. */
    static void addTo(HttpServletResponse response) {
        addIfAbsent(response, "X-Content-Type-Options", "nosniff");
        addIfAbsent(response, "X-Frame-Options", "DENY");
        addIfAbsent(response, "Content-Security-Policy", CONTENT_SECURITY_POLICY);
        addIfAbsent(response, "Referrer-Policy", "no-referrer");
    }

    private static void addIfAbsent(HttpServletResponse response, String name, String value) {
        if (!response.containsHeader(name)) {
            response.setHeader(name, value);
        }
    }
}
