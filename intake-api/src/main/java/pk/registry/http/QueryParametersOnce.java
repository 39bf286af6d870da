package pk.registry.http;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A query parameter of the API appears at most once: {@code ?status=REQUESTED&status=APPROVED}
 * is a 400 naming it. Every parameter of the API takes one value, and Spring alone would read
 * the first of several, or join them, while a gateway in front may read the last (HTTP parameter
 * pollution). Only the query string is read, never a body; the OAuth2 endpoints, outside
 * {@code /api/}, answer repeated parameters as their standard says.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
class QueryParametersOnce extends OncePerRequestFilter {

    private final Problems problems;

    QueryParametersOnce(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getQueryString() == null || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Set<String> repeated = repeatedNames(request.getQueryString());
        if (repeated.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        problems.write(response, Problems.invalid(repeated.stream()
                .map(name -> new FieldError(FieldError.callersName(name), "Duplicate", "is given more than once in the query"))
                .toList()));
    }

    /** The names given more than once, in the order they repeat; a name that does not decode counts as itself. */
    static Set<String> repeatedNames(String query) {
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new LinkedHashSet<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decoded(equals < 0 ? pair : pair.substring(0, equals));
            if (!seen.add(name)) {
                repeated.add(name);
            }
        }
        return repeated;
    }

    private static String decoded(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException malformed) {
            return name;
        }
    }
}
