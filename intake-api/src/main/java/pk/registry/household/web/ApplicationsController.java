package pk.registry.household.web;

import java.net.URI;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import pk.registry.consent.ConsentForm;
import pk.registry.household.Application;
import pk.registry.household.CnicAlreadyRegisteredException;
import pk.registry.household.HouseholdAlreadyRegisteredException;
import pk.registry.household.HouseholdForm;
import pk.registry.household.HouseholdManagement;
import pk.registry.household.HouseholdStatus;
import pk.registry.household.IdempotencyKeyReusedException;
import pk.registry.household.IdentityCheckUnavailableException;
import pk.registry.household.IdentityNotConfirmedException;
import pk.registry.household.Registration;
import pk.registry.household.RegistrationQuotaExhaustedException;
import pk.registry.http.FieldError;
import pk.registry.http.Problems;
import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdId;

@Tag(name = "Applications")
@RestController
@RequestMapping(path = "/api/v1/applications", produces = "application/json")
class ApplicationsController {

    private static final String CORRECTIONS = "/api/v1/me/corrections";

    private final HouseholdManagement households;

    ApplicationsController(HouseholdManagement households) {
        this.households = households;
    }

    /** A household application: the household and the consent given with it. */
    record ApplicationRequest(@NotNull @Valid HouseholdForm household, @NotNull @Valid ConsentForm consent) {
        @Override
        public String toString() {
            return "ApplicationRequest";
        }
    }

    /** @param consentReceipt the signed consent receipt (compact JWS; verify with /oauth2/jwks) */
    record Submitted(HouseholdId id, HouseholdStatus status, String consentReceipt) {
    }

    @Operation(summary = "Submit a household application with its consent",
            description = "201 + Location. The same Idempotency-Key with the same body returns the first result; "
                    + "with another body 422. One household per applicant: 409 household-already-registered when "
                    + "yours is in the registry (change it through /api/v1/me/corrections). 409 when a member's CNIC "
                    + "belongs to another household. 403 identity-not-confirmed when the head's CNIC does not own the "
                    + "mobile you signed in with; 503 with Retry-After when that cannot be checked now. Conflicting "
                    + "submissions are recorded; after 3 in a day (Pakistan time) every submission is 429 with "
                    + "Retry-After until the day ends.")
    @PostMapping(consumes = "application/json")
    ResponseEntity<Submitted> submit(Actor applicant, @Valid @RequestBody ApplicationRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false)
            @Pattern(regexp = "[\\x21-\\x7E]{1,100}", message = "must be 1-100 visible ASCII characters")
            @Nullable String idempotencyKey) {
        Registration registration = households.register(applicant, request.household(), request.consent(),
                idempotencyKey);
        return ResponseEntity.created(URI.create("/api/v1/applications/" + registration.id()))
                .body(new Submitted(registration.id(), HouseholdStatus.SUBMITTED, registration.consentReceipt()));
    }

    @Operation(summary = "Read an application: your own, or one of your districts as a field officer")
    @GetMapping("/{id}")
    Application read(Actor actor, @PathVariable HouseholdId id) {
        return households.find(actor, id).orElseThrow(() -> Problems.notFound("There is no such application."));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> alreadyRegistered(CnicAlreadyRegisteredException ex) {
        ProblemDetail problem = Problems.coded(HttpStatus.CONFLICT, "cnic-already-registered",
                "A CNIC in this application is already registered with another household.");
        problem.setProperty("errors", IntStream.range(0, ex.memberIndexes().size())
                .mapToObj(i -> new FieldError("household.members[" + ex.memberIndexes().get(i) + "].cnic",
                        "AlreadyRegistered", "is already registered with another household"))
                .toList());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> secondHousehold(HouseholdAlreadyRegisteredException ex) {
        ProblemDetail problem = Problems.coded(HttpStatus.CONFLICT, "household-already-registered",
                "You already have a household in the registry. Ask for a change to it at /api/v1/me/corrections.");
        problem.setProperty("corrections", CORRECTIONS);
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> identityNotConfirmed(IdentityNotConfirmedException ex) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Problems.coded(HttpStatus.FORBIDDEN,
                "identity-not-confirmed", "The head's CNIC could not be confirmed as the owner of the mobile you signed in with."));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> identityCheckUnavailable(IdentityCheckUnavailableException ex) {
        return Problems.retryLater(HttpStatus.SERVICE_UNAVAILABLE, ex.retryAfter(), "identity-check-unavailable",
                "Identities cannot be checked just now; nothing was stored. Please try again later.");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> quotaExhausted(RegistrationQuotaExhaustedException ex) {
        return Problems.retryLater(HttpStatus.TOO_MANY_REQUESTS, ex.retryAfter(), "registration-quota-exhausted",
                "Too many conflicting applications today; nothing was checked. Try again tomorrow.");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReusedException ex) {
        return ResponseEntity.unprocessableContent().body(Problems.of(HttpStatus.UNPROCESSABLE_CONTENT,
                "This Idempotency-Key was already used with a different request."));
    }
}
