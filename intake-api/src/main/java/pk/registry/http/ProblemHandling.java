package pk.registry.http;

import java.util.List;

import jakarta.validation.ConstraintViolationException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.Errors;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import pk.registry.kernel.NoHouseholdException;

/**
 * Turns every exception that reaches Spring MVC into a problem response. Framework messages
 * can quote the request (a JSON parse error shows the text around the fault), so they are
 * replaced by fixed details; validation errors list fields and rule codes, never values.
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    /** How Jackson's duplicate detection ({@link JsonConfiguration}) starts its message. */
    private static final String DUPLICATE = "Duplicate Object property";

    private final Problems problems;

    ProblemHandling(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(Problems.invalid(fieldErrors(ex.getBindingResult())));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result instanceof ParameterErrors bean ? fieldErrors(bean).stream()
                        : result.getResolvableErrors().stream()
                                .map(error -> fieldError(result.getMethodParameter().getParameterName(), error)))
                .toList();
        return problem(Problems.invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimit.BodyTooLargeException tooLarge) {
                return bodyTooLarge(tooLarge);
            }
        }
        if (ex.getCause() instanceof UnrecognizedPropertyException unknown && !unknown.getPath().isEmpty()) {
            return problem(Problems.invalid(List.of(new FieldError(FieldError.callersName(path(unknown.getPath())), "Unknown",
                    "is not a field of this request"))));
        }
        if (ex.getCause() instanceof StreamReadException read && read.getMessage().startsWith(DUPLICATE)) {
            return problem(Problems.invalid(List.of(new FieldError(FieldError.callersName(repeatedName(read)), "Duplicate",
                    "is given more than once in its object"))));
        }
        if (ex.getCause() instanceof JsonConfiguration.NotUnicodeException text && !text.getPath().isEmpty()) {
            return problem(Problems.invalid(List.of(new FieldError(FieldError.callersName(path(text.getPath())), "Unicode",
                    "is not Unicode text: it holds half of a surrogate pair"))));
        }
        if (ex.getCause() instanceof DatabindException mismatch && !mismatch.getPath().isEmpty()) {
            return problem(Problems.invalid(List.of(new FieldError(path(mismatch.getPath()), "Type",
                    "has the wrong type or format"))));
        }
        // as a field error of the whole body, so that clients read every 400 of a body the same way
        ProblemDetail notJson = Problems.invalid(List.of(new FieldError("body", "Syntax",
                "is not valid JSON for this endpoint")));
        notJson.setDetail("The request body is not valid JSON for this endpoint.");
        return problem(notJson);
    }

    /** A body that grew past the limit while it was read (a chunked body declares no length). */
    @ExceptionHandler(RequestSizeLimit.BodyTooLargeException.class)
    ResponseEntity<Object> bodyTooLarge(RequestSizeLimit.BodyTooLargeException ex) {
        return problem(RequestSizeLimit.tooLarge(ex.limit()));
    }

    /** A path or query parameter of the wrong type: named, never quoted. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : ex.getPropertyName();
        return problem(Problems.invalid(List.of(new FieldError(name == null ? "parameter" : name, "Type",
                "has the wrong type or format"))));
    }

    /**
     * Two requests changing the same rows at once, one of which the database stopped (a deadlock,
     * a lock not granted in time): its transaction rolled back, so it can be sent again as it was.
     */
    @ExceptionHandler(ConcurrencyFailureException.class)
    ResponseEntity<Object> concurrentChange(ConcurrencyFailureException ex) {
        log.info("{} while serving a request: answered 409", ex.getClass().getSimpleName());
        return problem(Problems.of(HttpStatus.CONFLICT, "The same record was being changed by another request at the same "
                + "time; nothing of this request was kept. Send it again."));
    }

    /** An applicant asked about "my" household before they have one. */
    @ExceptionHandler(NoHouseholdException.class)
    ResponseEntity<Object> noHousehold(NoHouseholdException ex) {
        return problem(Problems.of(HttpStatus.NOT_FOUND, "No household belongs to you yet."));
    }

    /** Rules checked outside Spring MVC's binding (by a module's facade). */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolations(ConstraintViolationException ex) {
        return problem(Problems.invalid(ex.getConstraintViolations().stream()
                .map(violation -> new FieldError(violation.getPropertyPath().toString(),
                        violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
                        violation.getMessage()))
                .toList()));
    }

    /**
     * The repeated name's path; empty when the parser is gone. The parser stopped as it read the
     * name, so the exception's path ends at the object that holds it.
     */
    private static String repeatedName(StreamReadException duplicate) {
        JsonParser parser = duplicate.processor();
        String name = parser == null ? null : parser.streamReadContext().currentName();
        String object = path(duplicate.getPath());
        return name == null ? "" : object + (object.isEmpty() ? "" : ".") + name;
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return problem(Problems.of(HttpStatus.NOT_FOUND, "There is no such resource."));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail problem && status instanceof HttpStatus known) {
            problem.setTitle(known.getReasonPhrase());
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    /**
     * The last resort: a 500 that says nothing about the fault; the log keeps the exception type only.
     * A database that cannot be reached, wherever it was wrapped, is a 503 with {@code Retry-After}:
     * the request's transaction rolled back, so it can be sent again as it was.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<?> unexpected(Exception ex) {
        if (DatabaseOutages.causedBy(ex)) {
            log.warn("Database unavailable ({}) while serving a request", ex.getClass().getSimpleName());
            return problems.databaseUnavailable();
        }
        log.error("Unhandled {} while serving a request", ex.getClass().getSimpleName());
        return problem(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be completed."));
    }

    static List<FieldError> fieldErrors(Errors result) {
        return result.getAllErrors().stream()
                .map(error -> fieldError(error instanceof org.springframework.validation.FieldError field
                        ? field.getField() : error.getObjectName(), error))
                .toList();
    }

    private static FieldError fieldError(String field, MessageSourceResolvable error) {
        String[] codes = error.getCodes();
        String code = codes == null || codes.length == 0 ? "invalid" : codes[codes.length - 1];
        String message = error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
        return new FieldError(field, code, message);
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
