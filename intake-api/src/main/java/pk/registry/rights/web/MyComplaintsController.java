package pk.registry.rights.web;

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
import jakarta.validation.constraints.Size;
import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdOwnership;
import pk.registry.rights.Complaint;
import pk.registry.rights.Complaints;

@Tag(name = "My data")
@RestController
@RequestMapping(path = "/api/v1/me/complaints", produces = "application/json")
class MyComplaintsController {

    private final Complaints complaints;
    private final HouseholdOwnership ownership;

    MyComplaintsController(Complaints complaints, HouseholdOwnership ownership) {
        this.complaints = complaints;
        this.ownership = ownership;
    }

    /** A complaint in the household's own words. */
    record ComplaintRequest(@NotBlank @Size(max = 4_000) String text) {
        @Override
        public String toString() {
            return "ComplaintRequest";
        }
    }

    @Operation(summary = "Lodge a complaint with the Data Protection Officer; the answer carries its reference")
    @PostMapping(consumes = "application/json")
    ResponseEntity<Complaint> lodge(Actor applicant, @Valid @RequestBody ComplaintRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(complaints.lodge(applicant, ownership.requireHouseholdOf(applicant), request.text()));
    }

    @Operation(summary = "Your household's complaints, oldest first, with the DPO's answers")
    @GetMapping
    List<Complaint> mine(Actor applicant) {
        return complaints.of(ownership.requireHouseholdOf(applicant));
    }
}
