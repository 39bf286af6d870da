package pk.registry.rights.web;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import pk.registry.household.CorrectionConflictException;
import pk.registry.household.CorrectionRejectedException;
import pk.registry.http.FieldError;
import pk.registry.http.Problems;
import pk.registry.rights.FilingQuotaExhaustedException;
import pk.registry.rights.RightsConflictException;

/**
 * Refusals of the rights module as problems: a correction the rule set refuses is a 400 naming
 * the field and the rule (never the value), a correction decided or a complaint answered already
 * is a 409, and so is an approval that lost a race for its new mobile (approve it again), a
 * household past its day's filings a 429 with {@code Retry-After}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RightsProblems {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> rejected(CorrectionRejectedException ex) {
        return ResponseEntity.badRequest().body(Problems.invalid(ex.problems().stream()
                .map(problem -> new FieldError(field(problem.field()), problem.code(), problem.message())).toList()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> conflict(RightsConflictException ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT, ex.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> approvedMeanwhile(CorrectionConflictException ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT,
                "Another change was saved at the same time as this approval; nothing was changed. Approve the correction again."));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> quotaExhausted(FilingQuotaExhaustedException ex) {
        return Problems.retryLater(HttpStatus.TOO_MANY_REQUESTS, ex.retryAfter(), "filing-quota-exhausted",
                "Your household filed as many of these today as a day allows; nothing was kept. Try again tomorrow.");
    }

    /** A 400 for a rule the request breaks beyond its fields' own constraints. */
    static ErrorResponseException invalid(FieldError error) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.invalid(List.of(error)), null);
    }

    /** The household module calls the proposed value "value"; the request calls it "proposedValue". */
    private static String field(String field) {
        return field.equals("value") ? "proposedValue" : field;
    }
}
