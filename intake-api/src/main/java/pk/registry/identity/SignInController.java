package pk.registry.identity;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import pk.registry.http.Problems;
import pk.registry.kernel.MobileNumber;
import pk.registry.kernel.PakistaniMobile;

@Tag(name = "Sign-in")
@RestController
@RequestMapping(path = "/api/v1/auth/otp", produces = "application/json")
class SignInController {

    private final ApplicantSignIn signIn;
    private final SignInThrottle throttle;

    SignInController(ApplicantSignIn signIn, SignInThrottle throttle) {
        this.signIn = signIn;
        this.throttle = throttle;
    }

    record CodeRequest(@NotBlank @PakistaniMobile String mobile) {
    }

    record Verification(@NotBlank @PakistaniMobile String mobile,
            @NotBlank @Pattern(regexp = "\\d{6}", message = "must be the six digits of the code") String code) {
    }

    @Operation(summary = "Send a one-time code to a mobile",
            description = "Always 202, whether or not the mobile belongs to an applicant; 429 with Retry-After when the "
                    + "mobile, or the client's address, asked too often.")
    @PostMapping(consumes = "application/json")
    ResponseEntity<Void> requestCode(@Valid @RequestBody CodeRequest request, HttpServletRequest http) {
        throttle.take(http.getRemoteAddr());
        signIn.sendCode(MobileNumber.parse(request.mobile()));
        return ResponseEntity.accepted().build();
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooManyCodes(ApplicantSignIn.TooManyCodesException ex) {
        return tooMany(ex, ex.retryAfter());
    }

    /** Only a new code helps, which may be asked for at once (within its own limits). */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooManyAttempts(ApplicantSignIn.TooManyAttemptsException ex) {
        return tooMany(ex, Duration.ofSeconds(1));
    }

    private static ResponseEntity<ProblemDetail> tooMany(RuntimeException ex, Duration retryAfter) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Problems.retryAfter(retryAfter))
                .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage()));
    }

    @Operation(summary = "Exchange a one-time code for an APPLICANT access token")
    @PostMapping(path = "/verify", consumes = "application/json")
    ApplicantSignIn.AccessToken verify(@Valid @RequestBody Verification verification) {
        return signIn.verify(MobileNumber.parse(verification.mobile()), verification.code())
                .orElseThrow(() -> new ErrorResponseException(HttpStatus.UNAUTHORIZED,
                        Problems.of(HttpStatus.UNAUTHORIZED, "The code is wrong, expired or already used."), null));
    }
}
