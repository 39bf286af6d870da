package pk.registry.retention.web;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import pk.registry.http.Problems;
import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdOwnership;
import pk.registry.retention.ErasureRequest;
import pk.registry.retention.ErasureRequests;

@Tag(name = "My data")
@RestController
@RequestMapping(path = "/api/v1/me/erasure-requests", produces = "application/json")
class MyErasureRequestsController {

    private final ErasureRequests requests;
    private final HouseholdOwnership ownership;

    MyErasureRequestsController(ErasureRequests requests, HouseholdOwnership ownership) {
        this.requests = requests;
        this.ownership = ownership;
    }

    @Operation(summary = "Ask for your household to be erased; 201 + Location, 409 if a request is open already",
            description = "The DPO approves, or refuses citing its legal ground; an approved request is carried out by the "
                    + "next erasure run, which issues a signed deletion certificate.")
    @PostMapping
    ResponseEntity<ErasureRequest> request(Actor applicant) {
        ErasureRequest request = requests.request(applicant, ownership.requireHouseholdOf(applicant));
        return ResponseEntity.created(URI.create("/api/v1/me/erasure-requests/" + request.id())).body(request);
    }

    @Operation(summary = "Follow your erasure request to its outcome, refusal ground and deletion certificate",
            description = "Also once your household is erased. Someone else's request is 404.")
    @GetMapping("/{id}")
    ErasureRequest follow(Actor applicant, @PathVariable UUID id) {
        return requests.ofRequester(applicant, id).orElseThrow(() -> Problems.notFound("There is no such erasure request."));
    }
}
