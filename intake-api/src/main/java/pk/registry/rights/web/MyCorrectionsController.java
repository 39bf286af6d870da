package pk.registry.rights.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import pk.registry.household.HouseholdManagement;
import pk.registry.http.FieldError;
import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.HouseholdOwnership;
import pk.registry.kernel.NoHouseholdException;
import pk.registry.rights.Correction;
import pk.registry.rights.CorrectionKind;
import pk.registry.rights.Corrections;

@Tag(name = "My data")
@RestController
@RequestMapping(path = "/api/v1/me/corrections", produces = "application/json")
class MyCorrectionsController {

    private final Corrections corrections;
    private final HouseholdManagement households;
    private final HouseholdOwnership ownership;

    MyCorrectionsController(Corrections corrections, HouseholdManagement households, HouseholdOwnership ownership) {
        this.corrections = corrections;
        this.households = households;
        this.ownership = ownership;
    }

    /**
     * A correction (a field and the value it should have, with a note if the household likes) or
     * an annotation (a note, optionally about a field).
     */
    record CorrectionRequest(@NotNull CorrectionKind kind,
            @Nullable @Size(max = 40) @Pattern(regexp = "[A-Za-z]{1,30}|members\\[\\d{1,2}]\\.[A-Za-z]{1,30}",
                    message = "must name a field, such as rooms or members[2].employment") String field,
            @Nullable @Size(max = 250) String proposedValue,
            @Nullable @Size(max = 1_000) String note) {

        @Override
        public String toString() {
            return "CorrectionRequest[" + kind + "]";
        }
    }

    @Operation(summary = "Ask for a correction of a field, or annotate your record",
            description = "A correction is checked by the intake rules now (400 with the field and rule, never the value) "
                    + "and again when a field officer of your district or the DPO approves it. An annotation is attached "
                    + "as written.")
    @PostMapping(consumes = "application/json")
    ResponseEntity<Correction> request(Actor applicant, @Valid @RequestBody CorrectionRequest request) {
        if (request.kind() == CorrectionKind.ANNOTATION && request.proposedValue() != null) {
            throw RightsProblems.invalid(new FieldError("proposedValue", "NotAllowed", "an annotation proposes no value"));
        }
        HouseholdId household = ownership.requireHouseholdOf(applicant);
        String district = households.find(applicant, household).orElseThrow(NoHouseholdException::new).household()
                .district();
        return ResponseEntity.status(HttpStatus.CREATED).body(corrections.request(applicant, household, district,
                new Corrections.Request(request.kind(), request.field(), request.proposedValue(), request.note())));
    }

    @Operation(summary = "Your household's corrections and annotations, oldest first, with their decisions")
    @GetMapping
    List<Correction> mine(Actor applicant) {
        return corrections.of(ownership.requireHouseholdOf(applicant));
    }
}
