package pk.registry.consent.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import pk.registry.consent.ConsentForm.KnownPurpose;
import pk.registry.consent.PolicyVersions;
import pk.registry.consent.PolicyVersions.PolicyVersion;
import pk.registry.consent.PurposeCatalogue;
import pk.registry.http.Problems;
import pk.registry.kernel.Purpose;
import pk.registry.kernel.StorableDate;

@Tag(name = "Privacy policy and purposes")
@RestController
class PoliciesController {

    private final PolicyVersions policies;
    private final PurposeCatalogue catalogue;

    PoliciesController(PolicyVersions policies, PurposeCatalogue catalogue) {
        this.policies = policies;
        this.catalogue = catalogue;
    }

    record Publication(@NotBlank @Pattern(regexp = "[A-Za-z0-9.\\-]{1,20}") String version,
            @NotNull @StorableDate LocalDate effectiveFrom, @NotBlank @Size(max = 100_000) String text,
            @NotEmpty @Size(max = 10) List<@NotBlank @KnownPurpose String> purposes) {
    }

    @Operation(summary = "The purpose catalogue: code, legal basis (with DPV terms), required or optional, data categories")
    @GetMapping(path = "/api/v1/purposes", produces = "application/json")
    List<PurposeCatalogue.Entry> purposes() {
        return catalogue.all();
    }

    @Operation(summary = "The privacy-policy version in force today: version, effective date, SHA-256 of its text, purposes")
    @GetMapping(path = "/api/v1/privacy-policy", produces = "application/json")
    PolicyVersion current() {
        return policies.current().orElseThrow(() -> Problems.notFound("No privacy-policy version is in force."));
    }

    @Operation(summary = "Every privacy-policy version with its effective dates")
    @GetMapping(path = "/api/v1/privacy-policy/versions", produces = "application/json")
    List<PolicyVersion> versions() {
        return policies.all();
    }

    @Operation(summary = "Publish a new privacy-policy version (immutable once published)",
            description = "It must include every purpose registration requires and take effect today or later, "
                    + "after the latest version: otherwise 400 (rules) or 409 (versions).")
    @PostMapping(path = "/api/v1/admin/policies", consumes = "application/json", produces = "application/json")
    ResponseEntity<PolicyVersion> publish(@Valid @RequestBody Publication publication) {
        PolicyVersion published = policies.publish(new PolicyVersions.Publication(publication.version(),
                publication.effectiveFrom(), publication.text(),
                publication.purposes().stream().map(Purpose::valueOf).collect(Collectors.toSet())));
        return ResponseEntity.created(URI.create("/api/v1/privacy-policy/versions")).body(published);
    }
}
