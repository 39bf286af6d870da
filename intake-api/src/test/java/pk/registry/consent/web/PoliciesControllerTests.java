package pk.registry.consent.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static pk.registry.http.ProblemAssertions.assertProblem;
import static pk.registry.http.ProblemAssertions.errors;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import pk.registry.consent.ConsentProblem;
import pk.registry.consent.ConsentRefusals;
import pk.registry.consent.PolicyVersions;
import pk.registry.consent.PolicyVersions.PolicyVersion;
import pk.registry.consent.PurposeCatalogue;
import pk.registry.consent.PurposeCatalogue.LegalBasis;
import pk.registry.http.Callers;
import pk.registry.http.WebSlice;
import pk.registry.kernel.DataCategory;
import pk.registry.kernel.Purpose;
import pk.registry.kernel.Role;

/** The purpose catalogue and the privacy-policy versions, read by anyone and published by an admin. */
@WebMvcTest(PoliciesController.class)
@WebSlice
class PoliciesControllerTests {

    private static final Set<Purpose> REQUIRED = Set.of(Purpose.IDENTITY_VERIFICATION, Purpose.ELIGIBILITY_ASSESSMENT);
    private static final PolicyVersion CURRENT = new PolicyVersion("2025-01", LocalDate.of(2025, 1, 1), null,
            "ab".repeat(32), REQUIRED);

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    PolicyVersions policies;

    @MockitoBean
    PurposeCatalogue catalogue;

    @Test
    void theCatalogueIsPublic() {
        given(catalogue.all()).willReturn(List.of(new PurposeCatalogue.Entry(Purpose.IDENTITY_VERIFICATION,
                "Verify who the members are", LegalBasis.PUBLIC_TASK, true, false, "dpv:IdentityVerification",
                "dpv:PublicTask", Set.of(DataCategory.IDENTITY))));

        assertThat(mvc.get().uri("/api/v1/purposes")).hasStatusOk().bodyJson()
                .isLenientlyEqualTo("[{\"code\":\"IDENTITY_VERIFICATION\",\"legalBasis\":\"PUBLIC_TASK\"}]");
    }

    @Test
    void thePolicyInForceAndEveryVersionArePublic() {
        given(policies.current()).willReturn(Optional.of(CURRENT));
        given(policies.all()).willReturn(List.of(CURRENT));

        assertThat(mvc.get().uri("/api/v1/privacy-policy")).hasStatusOk().bodyJson()
                .isLenientlyEqualTo("{\"version\":\"2025-01\",\"effectiveFrom\":\"2025-01-01\"}");
        assertThat(mvc.get().uri("/api/v1/privacy-policy/versions")).hasStatusOk().bodyJson()
                .isLenientlyEqualTo("[{\"version\":\"2025-01\"}]");
    }

    @Test
    void withoutAPolicyInForceThereIsNone() {
        given(policies.current()).willReturn(Optional.empty());

        assertThat(assertProblem(mvc.get().uri("/api/v1/privacy-policy").exchange(), HttpStatus.NOT_FOUND)
                .get("detail").asString()).isEqualTo("No privacy-policy version is in force.");
    }

    @Test
    void publishingPassesThePublicationOn() {
        LocalDate from = LocalDate.of(2099, 1, 1);
        PolicyVersion published = new PolicyVersion("2099-01", from, null, "cd".repeat(32), REQUIRED);
        given(policies.publish(new PolicyVersions.Publication("2099-01", from, "Policy text", REQUIRED)))
                .willReturn(published);

        MvcTestResult result = publish("2099-01");

        assertThat(result).hasStatus(HttpStatus.CREATED).hasHeader("Location", "/api/v1/privacy-policy/versions")
                .bodyJson().isLenientlyEqualTo("{\"version\":\"2099-01\"}");
    }

    @Test
    void aVersionThatBreaksTheRulesOfPublicationListsEveryFieldAtFault() {
        given(policies.publish(any())).willThrow(ConsentRefusals.policyRejected(
                new ConsentProblem("purposes", "RequiredPurposeMissing", "must include IDENTITY_VERIFICATION"),
                new ConsentProblem("effectiveFrom", "NotInThePast", "must be today or later")));

        assertThat(errors(assertProblem(publish("2099-01"), HttpStatus.BAD_REQUEST)))
                .containsExactly("purposes RequiredPurposeMissing", "effectiveFrom NotInThePast");
    }

    @Test
    void aDateNoRecordCanHoldIsABadRequest() {
        MvcTestResult result = mvc.post().uri("/api/v1/admin/policies").with(Callers.client("demo-admin", Role.ADMIN))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"version":"2099-01","effectiveFrom":"+999999999-12-31","text":"Policy text",
                         "purposes":["IDENTITY_VERIFICATION","ELIGIBILITY_ASSESSMENT"]}""").exchange();

        assertThat(errors(assertProblem(result, HttpStatus.BAD_REQUEST))).containsExactly("effectiveFrom StorableDate");
        verifyNoInteractions(policies);
    }

    @Test
    void aVersionThatClashesWithThePublishedOnesIsAConflict() {
        given(policies.publish(any())).willThrow(
                ConsentRefusals.policyConflict("Policy versions are immutable; this one is already published."));

        assertThat(assertProblem(publish("2025-01"), HttpStatus.CONFLICT).get("detail").asString())
                .isEqualTo("Policy versions are immutable; this one is already published.");
    }

    @ParameterizedTest
    @ValueSource(strings = { "2025/01", "v 2", "versión", "123456789012345678901" })
    void aVersionOutsideThePatternIsRefused(String version) {
        assertThat(errors(assertProblem(publish(version), HttpStatus.BAD_REQUEST))).containsExactly("version Pattern");
        verifyNoInteractions(policies);
    }

    private MvcTestResult publish(String version) {
        String publication = """
                {"version":"%s","effectiveFrom":"2099-01-01","text":"Policy text",
                 "purposes":["IDENTITY_VERIFICATION","ELIGIBILITY_ASSESSMENT"]}""".formatted(version);
        return mvc.post().uri("/api/v1/admin/policies").with(Callers.client("demo-admin", Role.ADMIN))
                .contentType(MediaType.APPLICATION_JSON).content(publication).exchange();
    }
}
