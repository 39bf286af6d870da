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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import pk.registry.http.Problems;
import pk.registry.kernel.Actor;
import pk.registry.rights.Complaint;
import pk.registry.rights.ComplaintStatus;
import pk.registry.rights.Complaints;

@Tag(name = "Complaints (DPO)")
@RestController
@RequestMapping(path = "/api/v1/dpo/complaints", produces = "application/json")
class ComplaintQueueController {

    private final Complaints complaints;

    ComplaintQueueController(Complaints complaints) {
        this.complaints = complaints;
    }

    /** A page of the queue. */
    record ComplaintPage(int page, int size, @Nullable ComplaintStatus status, List<Complaint> complaints) {
    }

    /** The DPO's answer, which the household reads with its complaint. */
    record Answer(@NotBlank @Size(max = 4_000) String answer) {
        @Override
        public String toString() {
            return "Answer";
        }
    }

    @Operation(summary = "Complaints, oldest first, of one status or all")
    @GetMapping
    ComplaintPage queue(Actor dpo, @RequestParam(required = false) @Nullable ComplaintStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(100) int size) {
        return new ComplaintPage(page, size, status, complaints.queue(dpo, status, page, size));
    }

    @Operation(summary = "Answer an open complaint; 409 if it was answered already")
    @PostMapping(path = "/{id}/answer", consumes = "application/json")
    Complaint answer(Actor dpo, @PathVariable UUID id, @Valid @RequestBody Answer answer) {
        return complaints.answer(dpo, id, answer.answer())
                .orElseThrow(() -> Problems.notFound("There is no such complaint."));
    }
}
