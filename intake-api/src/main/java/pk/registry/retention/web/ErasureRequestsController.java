package pk.registry.retention.web;

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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import pk.registry.http.Problems;
import pk.registry.kernel.Actor;
import pk.registry.retention.ErasureRequest;
import pk.registry.retention.ErasureRequests;
import pk.registry.retention.ErasureStatus;
import pk.registry.retention.RefusalGround;

@Tag(name = "Erasure requests (DPO)")
@RestController
@RequestMapping(path = "/api/v1/dpo/erasure-requests", produces = "application/json")
class ErasureRequestsController {

    private final ErasureRequests requests;

    ErasureRequestsController(ErasureRequests requests) {
        this.requests = requests;
    }

    /** A page of the queue. */
    record ErasureRequestPage(int page, int size, @Nullable ErasureStatus status, List<ErasureRequest> requests) {
    }

    /**
     * Approve, or refuse citing the legal ground; the household sees either.
     * @param ground a refusal's legal ground (an approval cites none)
     * @param note a refusal's note for the household, naming a case, never a person (an approval carries none)
     */
    record Decision(@NotNull Boolean approve, @Nullable RefusalGround ground, @Nullable @Size(max = 400) String note) {
    }

    @Operation(summary = "Erasure requests, oldest first, of one status or all")
    @GetMapping
    ErasureRequestPage queue(@RequestParam(required = false) @Nullable ErasureStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(100) int size) {
        return new ErasureRequestPage(page, size, status, requests.page(status, page, size));
    }

    @Operation(summary = "Approve, or refuse citing the legal ground (400 without one, or with a ground or note on an approval); 409 if decided already")
    @PostMapping(path = "/{id}/decision", consumes = "application/json")
    ErasureRequest decide(Actor dpo, @PathVariable UUID id, @Valid @RequestBody Decision decision) {
        if (!decision.approve() && decision.ground() == null) {
            throw ErasureProblems.invalid("ground", "RequiredToRefuse", "a refusal must cite its legal ground");
        }
        if (decision.approve() && decision.ground() != null) {
            throw ErasureProblems.invalid("ground", "OnlyToRefuse", "only a refusal cites a legal ground");
        }
        if (decision.approve() && decision.note() != null) {
            throw ErasureProblems.invalid("note", "OnlyToRefuse", "only a refusal carries a note for the household");
        }
        return requests.decide(dpo, id, new ErasureRequests.Decision(decision.approve(), decision.ground(), decision.note()))
                .orElseThrow(() -> Problems.notFound("There is no such erasure request."));
    }
}
