package pk.registry.sharing.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import pk.registry.consent.ConsentForm.KnownPurpose;
import pk.registry.household.Cnic;
import pk.registry.household.FieldRules.ValidCnic;
import pk.registry.kernel.Actor;
import pk.registry.kernel.Purpose;
import pk.registry.sharing.Agreement;
import pk.registry.sharing.AnswerField;
import pk.registry.sharing.Channel;
import pk.registry.sharing.VerificationQuery;
import pk.registry.sharing.Verifications;

@Tag(name = "Partner verification")
@RestController
class VerificationsController {

    private final Verifications verifications;

    VerificationsController(Verifications verifications) {
        this.verifications = verifications;
    }

    /** A question about one person. */
    record VerificationRequest(@NotBlank @ValidCnic String cnic,
            @NotBlank @Pattern(regexp = "[A-Z0-9_]{1,40}", message = "must be a programme code") String programme,
            @NotBlank @KnownPurpose String purpose) {
        @Override
        public String toString() {
            return "VerificationRequest";
        }
    }

    @Operation(summary = "Ask about one person by CNIC, for one programme and one declared purpose",
            description = "The answer holds exactly the fields the caller's agreement allows for that purpose (eligible "
                    + "whenever the purpose may use eligibility); an unregistered CNIC gets an answer of the same shape (eligible false). Every answer is a "
                    + "disclosure the household can see. 403 outside the agreement, 429 with Retry-After over its daily quota.")
    @PostMapping(path = "/api/v1/verifications", consumes = "application/json", produces = "application/json")
    Map<String, @Nullable Object> verify(Actor partner, @Valid @RequestBody VerificationRequest request,
            @RequestHeader(name = "X-Request-Id", required = false) @Size(max = 100) @Nullable String requestId) {
        return verifications.verify(partner, new VerificationQuery(Cnic.parse(request.cnic()), request.programme(),
                Purpose.valueOf(request.purpose())), Channel.API, requestId).byName();
    }

    /** What the caller's agreement allows, and the DCI sender id its DCI requests must name; no personal data. */
    record AgreementSummary(String agreement, String agency, LocalDate validUntil, int dailyQuota, Set<String> programmes,
            Set<Purpose> purposes, List<String> fields, @Nullable URI callbackBaseUrl, @Nullable String dciSenderId) {
    }

    @Operation(summary = "The caller's data-sharing agreement: what it may ask and receive")
    @GetMapping(path = "/api/v1/partner/agreement", produces = "application/json")
    AgreementSummary agreement(Actor partner) {
        Agreement agreement = verifications.agreementOf(partner);
        return new AgreementSummary(agreement.id().value(), agreement.agency(), agreement.validUntil(),
                agreement.dailyQuota(), agreement.programmes(), agreement.purposes(),
                agreement.fields().stream().sorted().map(AnswerField::jsonName).toList(), agreement.callbackBaseUrl(),
                agreement.dciSenderId());
    }
}
