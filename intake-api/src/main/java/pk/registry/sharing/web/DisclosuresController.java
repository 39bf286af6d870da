package pk.registry.sharing.web;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import pk.registry.http.Problems;
import pk.registry.kernel.Actor;
import pk.registry.kernel.DataCategory;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.HouseholdOwnership;
import pk.registry.kernel.StorableDate;
import pk.registry.sharing.Disclosure;
import pk.registry.sharing.Disclosures;

@Tag(name = "Disclosures")
@RestController
class DisclosuresController {

    private final Disclosures disclosures;
    private final HouseholdOwnership ownership;

    DisclosuresController(Disclosures disclosures, HouseholdOwnership ownership) {
        this.disclosures = disclosures;
        this.ownership = ownership;
    }

    @Operation(summary = "Every disclosure of your household's data: when, to which agency, for which purpose, which fields")
    @GetMapping(path = "/api/v1/me/disclosures", produces = "application/json")
    List<Disclosure> mine(Actor applicant) {
        return disclosures.of(applicant, ownership.requireHouseholdOf(applicant));
    }

    /** A disclosure made under a court order, a warrant or to protect a life. */
    record LegalDisclosure(@NotNull HouseholdId household, @NotBlank @Size(max = 200) String authority,
            @NotBlank @Size(max = 200) String legalReference, @NotEmpty Set<@NotNull DataCategory> categories,
            @Nullable @StorableDate LocalDate notBefore) {
    }

    @Operation(summary = "Record a disclosure made under a court order, a warrant or a danger to life",
            description = "It goes into the household's disclosure log; with notBefore the household sees it from that day on.")
    @PostMapping(path = "/api/v1/dpo/disclosures", consumes = "application/json")
    ResponseEntity<Void> recordLegal(Actor dpo, @Valid @RequestBody LegalDisclosure request) {
        boolean recorded = disclosures.recordLegal(dpo, new Disclosures.LegalDisclosure(request.household(),
                request.authority(), request.legalReference(), EnumSet.copyOf(request.categories()), request.notBefore()));
        if (!recorded) {
            throw Problems.notFound("There is no such household.");
        }
        return ResponseEntity.noContent().build();
    }
}
