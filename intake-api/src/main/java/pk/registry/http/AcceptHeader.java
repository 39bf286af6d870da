package pk.registry.http;

import java.io.IOException;
import java.util.Collections;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An {@code Accept} header that is not a list of media types is a 406 problem, like any other
 * representation the service cannot give. Spring MVC refused it too, but then could not choose a
 * type for its own problem either and answered 406 with no body at all. The header is not echoed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 12)
class AcceptHeader extends OncePerRequestFilter {

    private final Problems problems;

    AcceptHeader(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (String accept : Collections.list(request.getHeaders(HttpHeaders.ACCEPT))) {
            try {
                MediaType.parseMediaTypes(accept);
            }
            catch (InvalidMediaTypeException ex) {
                problems.write(response, Problems.of(HttpStatus.NOT_ACCEPTABLE,
                        "The Accept header is not a list of media types."));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
