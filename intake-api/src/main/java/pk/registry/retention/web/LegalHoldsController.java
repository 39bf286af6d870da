package pk.registry.retention.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import pk.registry.http.Problems;
import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdId;
import pk.registry.retention.HoldReason;
import pk.registry.retention.LegalHold;
import pk.registry.retention.LegalHolds;

@Tag(name = "Legal holds (DPO)")
@RestController
@RequestMapping(path = "/api/v1/dpo/legal-holds", produces = "application/json")
class LegalHoldsController {

    private final LegalHolds holds;

    LegalHoldsController(LegalHolds holds) {
        this.holds = holds;
    }

    /** A page of the holds. */
    record LegalHoldPage(int page, int size, List<LegalHold> holds) {
    }

    /**
     * A hold on a household.
     * @param reference the case (a court order's number, an investigation's file), never a person's name
     */
    record NewHold(@NotNull HouseholdId household, @NotNull HoldReason reason,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9 ./:#()_-]{1,200}",
                    message = "must be a case reference of up to 200 letters, digits, spaces and . / : # ( ) _ -")
            String reference) {
    }

    @Operation(summary = "Legal holds, placed ones first, newest first, a page at a time")
    @GetMapping
    LegalHoldPage page(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(100) int size) {
        return new LegalHoldPage(page, size, holds.page(page, size));
    }

    @Operation(summary = "Place a hold: nothing of the household is erased or deleted by retention until it is released",
            description = "201 + Location; an unknown household is 404.")
    @PostMapping(consumes = "application/json")
    ResponseEntity<LegalHold> place(Actor dpo, @Valid @RequestBody NewHold hold) {
        LegalHold placed = holds.place(dpo, hold.household(), hold.reason(), hold.reference())
                .orElseThrow(() -> Problems.notFound("There is no such household."));
        return ResponseEntity.created(URI.create("/api/v1/dpo/legal-holds/" + placed.id())).body(placed);
    }

    @Operation(summary = "Release a hold; what it deferred is carried out by the next run. 404 if not placed")
    @DeleteMapping("/{id}")
    LegalHold release(Actor dpo, @PathVariable UUID id) {
        return holds.release(dpo, id).orElseThrow(() -> Problems.notFound("There is no such placed legal hold."));
    }
}
