package pk.registry.consent.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
import pk.registry.consent.ConsentManagement;
import pk.registry.consent.ConsentWithReceipt;
import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdOwnership;
import pk.registry.kernel.Purpose;

@Tag(name = "My data")
@RestController
@RequestMapping(path = "/api/v1/me/consents", produces = "application/json")
class MyConsentsController {

    private final ConsentManagement consents;
    private final HouseholdOwnership ownership;

    MyConsentsController(ConsentManagement consents, HouseholdOwnership ownership) {
        this.consents = consents;
        this.ownership = ownership;
    }

    record Withdrawal(@NotBlank @KnownPurpose String purpose) {
    }

    record Reconsent(@NotNull @Valid ConsentForm consent) {
    }

    @Operation(summary = "Your household's consents, each with its signed receipt (JWS, verify with /oauth2/jwks)")
    @GetMapping
    List<ConsentWithReceipt> consents(Actor applicant) {
        return consents.withReceipts(applicant, ownership.requireHouseholdOf(applicant));
    }

    @Operation(summary = "Consent again, e.g. to the current policy version; earlier consents keep their version")
    @PostMapping(consumes = "application/json")
    ResponseEntity<ConsentWithReceipt> reconsent(Actor applicant, @Valid @RequestBody Reconsent request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(consents.reconsent(applicant, ownership.requireHouseholdOf(applicant), request.consent()));
    }

    @Operation(summary = "Withdraw an optional purpose, effective at once; required purposes: 409 (ask for erasure instead)")
    @PostMapping(path = "/withdrawals", consumes = "application/json")
    ResponseEntity<Void> withdraw(Actor applicant, @Valid @RequestBody Withdrawal withdrawal) {
        consents.withdraw(applicant, ownership.requireHouseholdOf(applicant), Purpose.valueOf(withdrawal.purpose()));
        return ResponseEntity.noContent().build();
    }
}
