package pk.registry.sharing.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import pk.registry.http.FieldError;
import pk.registry.http.Problems;
import pk.registry.sharing.AgreementRefusedException;
import pk.registry.sharing.PartnerRulesException;
import pk.registry.sharing.QuotaExceededException;

/** Partner-sharing refusals as problems: 403 outside the agreement, 429 over its quota, 400 broken rules. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SharingProblems {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(AgreementRefusedException ex) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Problems.of(HttpStatus.FORBIDDEN,
                "Your data-sharing agreement does not allow this: " + ex.getMessage() + "."));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> quota(QuotaExceededException ex) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Problems.retryAfter(ex.retryAfter()))
                .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "Your agreement's daily quota of answers is used up."));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> rules(PartnerRulesException ex) {
        return ResponseEntity.badRequest().body(Problems.invalid(ex.violations().stream()
                .map(violation -> new FieldError(violation.field(), violation.code(), violation.message())).toList()));
    }
}
