package pk.registry.household.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import pk.registry.household.RegistrationConflict;
import pk.registry.household.RegistrationConflicts;
import pk.registry.kernel.Actor;

@Tag(name = "Registration conflicts (DPO)")
@RestController
@RequestMapping(path = "/api/v1/dpo/registration-conflicts", produces = "application/json")
class RegistrationConflictsController {

    private final RegistrationConflicts conflicts;

    RegistrationConflictsController(RegistrationConflicts conflicts) {
        this.conflicts = conflicts;
    }

    /** A page of the log. */
    record ConflictPage(int page, int size, List<RegistrationConflict> conflicts) {
    }

    @Operation(summary = "Refused self-registrations, newest first",
            description = "Each names its kind (CNIC_REGISTERED, SECOND_HOUSEHOLD, IDENTITY_NOT_CONFIRMED), a "
                    + "pseudonymous applicant reference, the household a CNIC collided with and the members' "
                    + "positions; never a CNIC, name or mobile. Each page read is audited.")
    @GetMapping
    ConflictPage newestFirst(Actor actor, @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(RegistrationConflicts.MAX_PAGE_SIZE) int size) {
        return new ConflictPage(page, size, conflicts.newestFirst(actor, page, size));
    }
}
