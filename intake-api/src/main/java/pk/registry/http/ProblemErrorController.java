package pk.registry.http;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page: errors raised outside Spring MVC (in filters, by the
 * container) also answer with a problem, never an HTML page or a stack trace. Not an operation
 * of the API: hidden from its OpenAPI document.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    private final Problems problems;

    ProblemErrorController(Problems problems) {
        this.problems = problems;
    }

    /** A database outage raised in a filter (a security filter reading from it) is a 503, as in a controller. */
    @RequestMapping(path = "${server.error.path:/error}", produces = MediaType.ALL_VALUE)
    ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) {
        // the container's own answers (a TRACE it refuses) come here without the security headers
        SecurityHeaders.addTo(response);
        if (DatabaseOutages.causedBy((Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
            return problems.databaseUnavailable();
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        String detail = status.is5xxServerError() ? "The request could not be completed." : status.getReasonPhrase() + ".";
        ProblemDetail problem = Problems.of(status, detail);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Cache-Control", "no-store").body(problem);
    }
}
