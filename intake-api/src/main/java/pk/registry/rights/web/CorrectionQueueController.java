package pk.registry.rights.web;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import pk.registry.http.Problems;
import pk.registry.kernel.Actor;
import pk.registry.rights.Correction;
import pk.registry.rights.Corrections;
import pk.registry.rights.DecidedCorrection;

@Tag(name = "Corrections (DPO and field officers)")
@RestController
@RequestMapping(path = "/api/v1/dpo/corrections", produces = "application/json")
class CorrectionQueueController {

    private final Corrections corrections;

    CorrectionQueueController(Corrections corrections) {
        this.corrections = corrections;
    }

    /** A page of the queue. */
    record CorrectionPage(int page, int size, List<Correction> corrections) {
    }

    /**
     * A decided correction as its decider reads it.
     *
     * @param householdOwnedOnline after an approval, whether an applicant sees the household online: false
     *        when its mobile was corrected to a number that owns another household; null after a rejection
     */
    record Decided(@JsonUnwrapped Correction correction, @Nullable Boolean householdOwnedOnline) {

        Decided(DecidedCorrection decided) {
            this(decided.correction(), decided.householdOwnedOnline());
        }
    }

    /** Approve (and apply) or reject, with a note the household reads. */
    record Decision(@NotNull Boolean approve, @Nullable @Size(max = 400) String note) {
    }

    @Operation(summary = "Pending corrections, oldest first: a field officer's districts, or every district for the DPO")
    @GetMapping
    CorrectionPage queue(Actor decider, @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(100) int size) {
        return new CorrectionPage(page, size, corrections.queue(decider, page, size));
    }

    @Operation(summary = "Approve or reject a pending correction",
            description = "An approved value goes through the intake rules again (400 if it no longer passes) and the "
                    + "household is rescored; householdOwnedOnline false says a corrected mobile owns another household, "
                    + "so no applicant sees this one online. Another district's correction is 404; one decided already, 409.")
    @PostMapping(path = "/{id}/decision", consumes = "application/json")
    Decided decide(Actor decider, @PathVariable UUID id, @Valid @RequestBody Decision decision) {
        return corrections.decide(decider, id, decision.approve(), decision.note()).map(Decided::new)
                .orElseThrow(() -> Problems.notFound("There is no such correction to decide."));
    }
}
