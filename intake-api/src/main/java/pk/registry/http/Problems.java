package pk.registry.http;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import tools.jackson.databind.json.JsonMapper;

/**
 * Builds and writes RFC 9457 problem responses, also from places outside Spring MVC
 * (security filters, the servlet error page).
 */
@Component
public class Problems {

    /** The problem type of a request whose fields break rules; carries an {@code errors} list. */
    public static final URI VALIDATION = URI.create("urn:registry:problem:validation");

    private final JsonMapper json;
    private final HttpProperties properties;

    Problems(JsonMapper json, HttpProperties properties) {
        this.json = json;
        this.properties = properties;
    }

    /** A problem for a status, with the status's standard title and a detail that carries no personal data. */
    public static ProblemDetail of(HttpStatusCode status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (status instanceof HttpStatus known) {
            problem.setTitle(known.getReasonPhrase());
        }
        return problem;
    }

    /** A problem whose type names the refusal ({@code urn:registry:problem:<code>}), also given as {@code code}. */
    public static ProblemDetail coded(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = of(status, detail);
        problem.setType(URI.create("urn:registry:problem:" + code));
        problem.setProperty("code", code);
        return problem;
    }

    /** A wait as a {@code Retry-After} value: whole seconds, rounded up, at least one. */
    public static String retryAfter(Duration wait) {
        return Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000));
    }

    /** A refusal that passes with time (a quota, a service down): a {@link #coded} problem with {@code Retry-After}. */
    public static ResponseEntity<ProblemDetail> retryLater(HttpStatus status, Duration wait, String code, String detail) {
        return ResponseEntity.status(status).header(HttpHeaders.RETRY_AFTER, retryAfter(wait))
                .body(coded(status, code, detail));
    }

    /** A 404 to throw from a handler; the detail names the kind of thing, never the caller's input. */
    public static ErrorResponseException notFound(String detail) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND, of(HttpStatus.NOT_FOUND, detail), null);
    }

    /** A 409 to throw from a handler; the detail names the conflict, never the caller's input. */
    public static ErrorResponseException conflict(String detail) {
        return new ErrorResponseException(HttpStatus.CONFLICT, of(HttpStatus.CONFLICT, detail), null);
    }

    /** Field errors listed in one problem at most; the rest are counted, so a huge body cannot make a huge answer. */
    public static final int MAX_ERRORS = 100;

    /** A 400 listing the failing fields (the first {@value #MAX_ERRORS}, and how many more there were). */
    public static ProblemDetail invalid(List<FieldError> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
        problem.setType(VALIDATION);
        problem.setProperty("errors", errors.size() > MAX_ERRORS ? List.copyOf(errors.subList(0, MAX_ERRORS)) : errors);
        if (errors.size() > MAX_ERRORS) {
            problem.setProperty("errorsOmitted", errors.size() - MAX_ERRORS);
        }
        return problem;
    }

    /**
     * The 503 of a request the database could not serve (see {@link DatabaseOutages}): nothing of it
     * was kept, and it may be sent again after {@code Retry-After}. Says nothing of the fault.
     */
    public ResponseEntity<ProblemDetail> databaseUnavailable() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(databaseUnavailableProblem());
    }

    /** {@link #databaseUnavailable()} written from outside Spring MVC (a filter, an entry point). */
    public void writeDatabaseUnavailable(HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds());
        write(response, databaseUnavailableProblem());
    }

    private static ProblemDetail databaseUnavailableProblem() {
        return of(HttpStatus.SERVICE_UNAVAILABLE,
                "The service cannot reach its database; nothing of this request was kept. Try again later.");
    }

    private String retryAfterSeconds() {
        return Long.toString(Math.max(1, properties.databaseRetryAfter().toSeconds()));
    }

    /** A 429 with {@code Retry-After} written from outside Spring MVC (a throttling filter). */
    public void writeTooManyRequests(HttpServletResponse response, Duration wait, String detail) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter(wait));
        write(response, of(HttpStatus.TOO_MANY_REQUESTS, detail));
    }

    /** Writes the problem as the whole response body. */
    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader("Cache-Control", "no-store");
        json.writeValue(response.getOutputStream(), problem);
    }
}
