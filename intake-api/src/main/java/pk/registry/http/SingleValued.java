package pk.registry.http;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What the API reads as one value is given once: a query parameter ({@code
 * ?status=REQUESTED&status=APPROVED}), and the headers it reads ({@code Authorization},
 * {@code Content-Type}, {@code Idempotency-Key}, {@code X-Request-Id}). Each repeat is a 400
 * naming it. Spring alone would read the first of several values, or join them, while a gateway
 * in front may read the last (HTTP parameter pollution): two bearer tokens in one request were
 * answered as the first one's caller. Checked before authentication, for the API and the DCI
 * routes; only the query string and headers are read, never a body. The OAuth2 endpoints answer
 * repeated parameters as their standard says.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
class SingleValued extends OncePerRequestFilter {

    /** Headers of one value that the service reads; list-valued ones such as {@code Accept} may repeat. */
    static final List<String> HEADERS = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, "Idempotency-Key",
            "X-Request-Id");

    private final Problems problems;

    SingleValued(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith("/api/") && !path.startsWith("/registry/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<FieldError> errors = new ArrayList<>();
        repeatedNames(request.getQueryString()).forEach(name -> errors.add(
                new FieldError(FieldError.callersName(name), "Duplicate", "is given more than once in the query")));
        for (String header : HEADERS) {
            if (Collections.list(request.getHeaders(header)).size() > 1) {
                errors.add(new FieldError(header, "Duplicate", "is a header given more than once"));
            }
        }
        if (errors.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        problems.write(response, Problems.invalid(errors));
    }

    /** The query's names given more than once, in the order they repeat; a name that does not decode counts as itself. */
    static Set<String> repeatedNames(@Nullable String query) {
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new LinkedHashSet<>();
        if (query == null) {
            return repeated;
        }
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
