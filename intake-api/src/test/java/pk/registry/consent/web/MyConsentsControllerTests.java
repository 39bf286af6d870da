package pk.registry.consent.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static pk.registry.http.ProblemAssertions.assertProblem;
import static pk.registry.http.ProblemAssertions.body;
import static pk.registry.http.ProblemAssertions.errors;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import pk.registry.consent.ConsentForm;
import pk.registry.consent.ConsentManagement;
import pk.registry.consent.ConsentMethod;
import pk.registry.consent.ConsentProblem;
import pk.registry.consent.ConsentRecord;
import pk.registry.consent.ConsentRefusals;
import pk.registry.consent.ConsentStatus;
import pk.registry.consent.ConsentWithReceipt;
import pk.registry.http.Callers;
import pk.registry.http.WebSlice;
import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.HouseholdOwnership;
import pk.registry.kernel.Purpose;
import pk.registry.kernel.Role;

/** An applicant's own consents, with the consent module and household ownership mocked. */
@WebMvcTest(MyConsentsController.class)
@WebSlice
class MyConsentsControllerTests {

    private static final String MOBILE = "+923001234567";
    private static final Actor APPLICANT = new Actor(MOBILE, Role.APPLICANT, Set.of(), null);
    private static final HouseholdId HOUSEHOLD = HouseholdId.newId();
    private static final String RECONSENT = """
            {"consent":{"policyVersion":"2025-02","purposes":["IDENTITY_VERIFICATION","ELIGIBILITY_ASSESSMENT"]}}""";

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    ConsentManagement consents;

    @MockitoBean
    HouseholdOwnership ownership;

    @BeforeEach
    void applicantOwnsAHousehold() {
        given(ownership.requireHouseholdOf(any())).willCallRealMethod();
        given(ownership.householdOf(APPLICANT)).willReturn(Optional.of(HOUSEHOLD));
    }

    @Test
    void listsTheHouseholdsConsentsWithTheirReceipts() {
        given(consents.withReceipts(APPLICANT, HOUSEHOLD)).willReturn(List.of(withReceipt("2025-01", "r.e.1")));

        assertThat(mvc.get().uri("/api/v1/me/consents").with(Callers.applicant(MOBILE))).hasStatusOk().bodyJson()
                .isLenientlyEqualTo("[{\"consent\":{\"policyVersion\":\"2025-01\"},\"receipt\":\"r.e.1\"}]");
    }

    @Test
    void anApplicantWithoutAHouseholdIsToldSo() {
        given(ownership.householdOf(APPLICANT)).willReturn(Optional.empty());

        MvcTestResult result = mvc.get().uri("/api/v1/me/consents").with(Callers.applicant(MOBILE)).exchange();

        assertThat(assertProblem(result, HttpStatus.NOT_FOUND).get("detail").asString())
                .isEqualTo("No household belongs to you yet.");
        verifyNoInteractions(consents);
    }

    @Test
    void reconsentAnswersWithTheNewRecordAndItsReceipt() {
        ConsentForm form = new ConsentForm("2025-02", List.of("IDENTITY_VERIFICATION", "ELIGIBILITY_ASSESSMENT"));
        given(consents.reconsent(APPLICANT, HOUSEHOLD, form)).willReturn(withReceipt("2025-02", "r.e.2"));

        assertThat(reconsent()).hasStatus(HttpStatus.CREATED).bodyJson()
                .isLenientlyEqualTo("{\"consent\":{\"policyVersion\":\"2025-02\"},\"receipt\":\"r.e.2\"}");
    }

    @Test
    void aReconsentTheModuleRejectsListsItsFieldsWithinTheConsent() {
        given(consents.reconsent(any(), any(), any())).willThrow(ConsentRefusals.consentRejected(
                new ConsentProblem("policyVersion", "UnknownPolicyVersion", "is not a published version")));

        assertThat(errors(assertProblem(reconsent(), HttpStatus.BAD_REQUEST)))
                .containsExactly("consent.policyVersion UnknownPolicyVersion");
    }

    @Test
    void withdrawingAnOptionalPurposeIsPassedOn() {
        assertThat(withdraw("COMMUNICATION")).hasStatus(HttpStatus.NO_CONTENT);

        verify(consents).withdraw(APPLICANT, HOUSEHOLD, Purpose.COMMUNICATION);
    }

    @Test
    void withdrawingAnUnknownPurposeIsRefused() {
        MvcTestResult result = withdraw("MARKETING");

        assertThat(errors(assertProblem(result, HttpStatus.BAD_REQUEST))).containsExactly("purpose KnownPurpose");
        assertThat(body(result)).doesNotContain("MARKETING");
        verifyNoInteractions(consents);
    }

    @Test
    void aWithdrawalTheModuleCannotMakeIsAConflict() {
        willThrow(ConsentRefusals.consentConflict("COMMUNICATION is not an active consent of this household."))
                .given(consents).withdraw(APPLICANT, HOUSEHOLD, Purpose.COMMUNICATION);

        assertThat(assertProblem(withdraw("COMMUNICATION"), HttpStatus.CONFLICT).get("detail").asString())
                .isEqualTo("COMMUNICATION is not an active consent of this household.");
    }

    private MvcTestResult reconsent() {
        return mvc.post().uri("/api/v1/me/consents").with(Callers.applicant(MOBILE))
                .contentType(MediaType.APPLICATION_JSON).content(RECONSENT).exchange();
    }

    private MvcTestResult withdraw(String purpose) {
        return mvc.post().uri("/api/v1/me/consents/withdrawals").with(Callers.applicant(MOBILE))
                .contentType(MediaType.APPLICATION_JSON).content("{\"purpose\":\"" + purpose + "\"}").exchange();
    }

    private static ConsentWithReceipt withReceipt(String policyVersion, String receipt) {
        return new ConsentWithReceipt(new ConsentRecord(UUID.randomUUID(), policyVersion,
                Map.of(Purpose.IDENTITY_VERIFICATION, ConsentStatus.GIVEN, Purpose.ELIGIBILITY_ASSESSMENT, ConsentStatus.GIVEN),
                ConsentMethod.ONLINE, Instant.parse("2025-06-01T10:00:00Z")), receipt);
    }
}
