package pk.registry.sharing.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import pk.registry.consent.ConsentForm.KnownPurpose;
import pk.registry.http.Problems;
import pk.registry.kernel.Purpose;
import pk.registry.kernel.StorableDate;
import pk.registry.sharing.Agreement;
import pk.registry.sharing.AgreementId;
import pk.registry.sharing.AgreementStatus;
import pk.registry.sharing.AnswerField;
import pk.registry.sharing.PartnerManagement;
import pk.registry.sharing.Programme;

@Tag(name = "Administration: partners and programmes")
@RestController
@RequestMapping(path = "/api/v1/admin", produces = "application/json")
class PartnersController {

    private static final String CODE = "[A-Z0-9_]{1,40}";

    private final PartnerManagement partners;

    PartnersController(PartnerManagement partners) {
        this.partners = partners;
    }

    /** A programme's terms. */
    record ProgrammeTerms(@NotBlank @Size(max = 200) String name,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9.\\-]{1,20}") String modelVersion,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 1) BigDecimal cutoff) {
    }

    /** A new programme. */
    record NewProgramme(@NotBlank @Pattern(regexp = CODE) String code, @NotBlank @Size(max = 200) String name,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9.\\-]{1,20}") String modelVersion,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 1) BigDecimal cutoff) {
    }

    @Operation(summary = "Programmes: code, name, model version, cut-off (eligible when score <= cut-off)")
    @GetMapping("/programmes")
    List<Programme> programmes() {
        return partners.programmes();
    }

    @Operation(summary = "Create a programme; 409 if its code exists")
    @PostMapping(path = "/programmes", consumes = "application/json")
    ResponseEntity<Programme> createProgramme(@Valid @RequestBody NewProgramme request) {
        if (partners.programme(request.code()).isPresent()) {
            throw Problems.conflict("A programme with this code exists; change it with PUT.");
        }
        Programme programme = new Programme(request.code(), request.name(), request.modelVersion(), request.cutoff());
        partners.saveProgramme(programme);
        return ResponseEntity.created(URI.create("/api/v1/admin/programmes/" + programme.code())).body(programme);
    }

    @Operation(summary = "One programme")
    @GetMapping("/programmes/{code}")
    Programme programme(@PathVariable @Pattern(regexp = CODE) String code) {
        return partners.programme(code).orElseThrow(() -> Problems.notFound("There is no such programme."));
    }

    @Operation(summary = "Change a programme's name, model version or cut-off")
    @PutMapping(path = "/programmes/{code}", consumes = "application/json")
    Programme changeProgramme(@PathVariable @Pattern(regexp = CODE) String code, @Valid @RequestBody ProgrammeTerms terms) {
        if (partners.programme(code).isEmpty()) {
            throw Problems.notFound("There is no such programme.");
        }
        Programme programme = new Programme(code, terms.name(), terms.modelVersion(), terms.cutoff());
        partners.saveProgramme(programme);
        return programme;
    }

    /** An agreement's terms. */
    record AgreementTerms(@NotBlank @Size(max = 200) String agency, @NotNull AgreementStatus status,
            @NotNull @StorableDate LocalDate validFrom, @NotNull @StorableDate LocalDate validUntil, @NotNull @Min(1) @Max(100_000_000) Integer dailyQuota,
            @NotEmpty @Size(max = 20) Set<@NotBlank @Pattern(regexp = CODE) String> programmes,
            @NotEmpty Set<@NotBlank @KnownPurpose String> purposes,
            @NotEmpty Set<@NotBlank @Pattern(regexp = "eligible|scoreBand|householdSize|district|maskedCnic|registered",
                    message = "must be one of eligible, scoreBand, householdSize, district, maskedCnic, registered") String> fields,
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code") String jurisdiction,
            @Nullable @Valid TransferApproval transferApproval, @Nullable URI callbackBaseUrl,
            @Nullable @Size(max = 20_000) String jwks,
            @Nullable @Pattern(regexp = Agreement.DCI_SENDER_ID,
                    message = "must be 1 to 100 letters, digits, dots, underscores, colons or hyphens") String dciSenderId) {
    }

    /** The recorded approval of transfers outside Pakistan. */
    record TransferApproval(@NotBlank @Size(max = 200) String reference, @NotNull @StorableDate LocalDate approvedOn) {
    }

    /**
     * An agreement as administrators see it: every term, the partner's public keys and DCI sender
     * id included, so that reading an agreement and writing it back changes nothing else (a PUT
     * replaces every term: one it leaves out is cleared).
     */
    record AgreementView(String id, String agency, AgreementStatus status, LocalDate validFrom, LocalDate validUntil,
            int dailyQuota, Set<String> programmes, Set<Purpose> purposes, List<String> fields, String jurisdiction,
            Agreement.@Nullable TransferApproval transferApproval, @Nullable URI callbackBaseUrl, @Nullable String jwks,
            @Nullable String dciSenderId, Instant updatedAt) {

        static AgreementView of(Agreement agreement) {
            return new AgreementView(agreement.id().value(), agreement.agency(), agreement.status(), agreement.validFrom(),
                    agreement.validUntil(), agreement.dailyQuota(), agreement.programmes(), agreement.purposes(),
                    agreement.fields().stream().sorted().map(AnswerField::jsonName).toList(), agreement.jurisdiction(),
                    agreement.transferApproval(), agreement.callbackBaseUrl(), agreement.jwks(), agreement.dciSenderId(),
                    agreement.updatedAt());
        }
    }

    /** A new agreement: its id and terms. */
    record NewAgreement(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9\\-]{2,59}") String id,
            @NotNull @Valid AgreementTerms terms) {
    }

    @Operation(summary = "Data-sharing agreements")
    @GetMapping("/partners")
    List<AgreementView> agreements() {
        return partners.agreements().stream().map(AgreementView::of).toList();
    }

    @Operation(summary = "One agreement")
    @GetMapping("/partners/{id}")
    AgreementView agreement(@PathVariable @Pattern(regexp = "[a-z0-9][a-z0-9\\-]{2,59}") String id) {
        return partners.agreement(AgreementId.of(id)).map(AgreementView::of)
                .orElseThrow(() -> Problems.notFound("There is no such agreement."));
    }

    @Operation(summary = "Create an agreement; 409 if its id exists")
    @PostMapping(path = "/partners", consumes = "application/json")
    ResponseEntity<AgreementView> createAgreement(@Valid @RequestBody NewAgreement request) {
        AgreementId id = AgreementId.of(request.id());
        if (partners.agreement(id).isPresent()) {
            throw Problems.conflict("An agreement with this id exists; change it with PUT.");
        }
        partners.saveAgreement(agreement(id, request.terms()));
        return ResponseEntity.created(URI.create("/api/v1/admin/partners/" + id))
                .body(AgreementView.of(partners.agreement(id).orElseThrow()));
    }

    @Operation(summary = "Replace an agreement's terms (suspend it with status SUSPENDED); a term left out is cleared, "
            + "so write back every term read, jwks and dciSenderId included")
    @PutMapping(path = "/partners/{id}", consumes = "application/json")
    AgreementView changeAgreement(@PathVariable @Pattern(regexp = "[a-z0-9][a-z0-9\\-]{2,59}") String id,
            @Valid @RequestBody AgreementTerms terms) {
        AgreementId agreementId = AgreementId.of(id);
        if (partners.agreement(agreementId).isEmpty()) {
            throw Problems.notFound("There is no such agreement.");
        }
        partners.saveAgreement(agreement(agreementId, terms));
        return AgreementView.of(partners.agreement(agreementId).orElseThrow());
    }

    private static Agreement agreement(AgreementId id, AgreementTerms terms) {
        Set<Purpose> purposes = EnumSet.noneOf(Purpose.class);
        terms.purposes().forEach(purpose -> purposes.add(Purpose.valueOf(purpose)));
        return new Agreement(id, terms.agency(), terms.status(), terms.validFrom(), terms.validUntil(), terms.dailyQuota(),
                terms.programmes(), purposes,
                terms.fields().stream().map(AnswerField::ofJsonName).collect(Collectors.toSet()), terms.jurisdiction(),
                terms.transferApproval() == null ? null
                        : new Agreement.TransferApproval(terms.transferApproval().reference(), terms.transferApproval().approvedOn()),
                terms.callbackBaseUrl(), terms.jwks(), terms.dciSenderId(), Instant.EPOCH);
    }
}
