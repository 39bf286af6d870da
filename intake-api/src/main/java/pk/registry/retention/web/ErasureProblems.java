package pk.registry.retention.web;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import pk.registry.http.FieldError;
import pk.registry.http.Problems;
import pk.registry.retention.ErasureConflictException;

/** Erasure requests that cannot be made or decided as asked: a 409 that says why. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErasureProblems {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> conflict(ErasureConflictException ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT, ex.getMessage()));
    }

    /** A 400 for a rule the request breaks beyond its fields' own constraints. */
    static ErrorResponseException invalid(String field, String code, String message) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.invalid(List.of(new FieldError(field, code, message))),
                null);
    }
}
