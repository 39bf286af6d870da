package pk.registry.rights.web;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdOwnership;
import pk.registry.rights.DataExport;
import pk.registry.rights.HouseholdExport;

@Tag(name = "My data")
@RestController
class MyDataController {

    private final DataExport export;
    private final HouseholdOwnership ownership;

    MyDataController(DataExport export, HouseholdOwnership ownership) {
        this.export = export;
        this.ownership = ownership;
    }

    @Operation(summary = "Everything held about your household, as one JSON document",
            description = "The application (members and answers), the score and its explanation, consents and receipts, "
                    + "disclosures, corrections, annotations, complaints, erasure requests with outcomes and certificates.")
    @GetMapping(path = "/api/v1/me/data", produces = "application/json")
    ResponseEntity<HouseholdExport> export(Actor applicant) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(export.export(applicant, ownership.requireHouseholdOf(applicant)));
    }
}
