package pk.registry.household.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import pk.registry.consent.ConsentForm;
import pk.registry.consent.ConsentForm.KnownPurpose;
import pk.registry.household.HouseholdManagement;
import pk.registry.household.HouseholdManagement.ConsentWithReceipt;
import pk.registry.http.Problems;
import pk.registry.kernel.Actor;
import pk.registry.kernel.Purpose;

@Tag(name = "My data")
@RestController
@RequestMapping(path = "/api/v1/me/consents", produces = "application/json")
class MyConsentsController {

    private final HouseholdManagement households;

    MyConsentsController(HouseholdManagement households) {
        this.households = households;
    }

    record Withdrawal(@NotBlank @KnownPurpose String purpose) {
    }

    record Reconsent(@NotNull @Valid ConsentForm consent) {
    }

    @Operation(summary = "Your household's consents, each with its signed receipt (JWS, verify with /oauth2/jwks)")
    @GetMapping
    List<ConsentWithReceipt> consents(Actor applicant) {
        return households.consentsOf(applicant);
    }

    @Operation(summary = "Consent again, e.g. to the current policy version; earlier consents keep their version")
    @PostMapping(consumes = "application/json")
    ResponseEntity<ConsentWithReceipt> reconsent(Actor applicant, @Valid @RequestBody Reconsent request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(households.reconsent(applicant, request.consent()));
    }

    @Operation(summary = "Withdraw an optional purpose, effective at once; required purposes: 409 (ask for erasure instead)")
    @PostMapping(path = "/withdrawals", consumes = "application/json")
    ResponseEntity<Void> withdraw(Actor applicant, @Valid @RequestBody Withdrawal withdrawal) {
        households.withdraw(applicant, Purpose.valueOf(withdrawal.purpose()));
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> noHousehold(HouseholdManagement.NoHouseholdException ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Problems.of(HttpStatus.NOT_FOUND, "No household belongs to you yet."));
    }
}
