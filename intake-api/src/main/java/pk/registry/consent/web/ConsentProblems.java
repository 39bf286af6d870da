package pk.registry.consent.web;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import pk.registry.consent.ConsentConflictException;
import pk.registry.consent.ConsentProblem;
import pk.registry.consent.ConsentRejectedException;
import pk.registry.consent.PolicyVersions.PolicyConflictException;
import pk.registry.consent.PolicyVersions.PolicyRejectedException;
import pk.registry.consent.PurposeDeniedException;
import pk.registry.http.FieldError;
import pk.registry.http.Problems;

/** Consent, policy and purpose refusals, wherever they arise, as problems. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsentProblems {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> rejected(ConsentRejectedException ex) {
        return ResponseEntity.badRequest().body(Problems.invalid(fieldErrors("consent.", ex.problems())));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> policyRejected(PolicyRejectedException ex) {
        return ResponseEntity.badRequest().body(Problems.invalid(fieldErrors("", ex.problems())));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> conflict(ConsentConflictException ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT, ex.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> policyConflict(PolicyConflictException ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT, ex.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> denied(PurposeDeniedException ex) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Problems.of(HttpStatus.FORBIDDEN,
                "This use of personal data is not allowed: " + ex.getMessage() + "."));
    }

    private static List<FieldError> fieldErrors(String prefix, List<ConsentProblem> problems) {
        return problems.stream().map(problem -> new FieldError(prefix + problem.field(), problem.code(), problem.message()))
                .toList();
    }
}
