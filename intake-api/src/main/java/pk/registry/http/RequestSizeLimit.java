package pk.registry.http;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses oversized JSON bodies with 413 before anything reads them. Multipart uploads have
 * their own, larger limit ({@code spring.servlet.multipart.*}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimit extends OncePerRequestFilter {

    private final HttpProperties properties;
    private final Problems problems;

    RequestSizeLimit(HttpProperties properties, Problems problems) {
        this.properties = properties;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        boolean multipart = contentType != null && contentType.toLowerCase().startsWith("multipart/");
        if (!multipart && request.getContentLengthLong() > properties.maxJsonBody().toBytes()) {
            problems.write(response, Problems.of(HttpStatus.CONTENT_TOO_LARGE,
                    "The request body is larger than " + properties.maxJsonBody().toKilobytes() + " KB."));
            return;
        }
        chain.doFilter(request, response);
    }
}
