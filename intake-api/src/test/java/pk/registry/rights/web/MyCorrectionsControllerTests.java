package pk.registry.rights.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static pk.registry.http.ProblemAssertions.assertProblem;
import static pk.registry.http.ProblemAssertions.body;
import static pk.registry.http.ProblemAssertions.errors;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import pk.registry.household.HouseholdManagement;
import pk.registry.household.HouseholdRefusals;
import pk.registry.http.Callers;
import pk.registry.http.WebSlice;
import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.HouseholdOwnership;
import pk.registry.kernel.Role;
import pk.registry.rights.CorrectionKind;
import pk.registry.rights.CorrectionStatus;
import pk.registry.rights.Corrections;

/** An applicant's corrections and annotations, with the rights and household modules mocked. */
@WebMvcTest(MyCorrectionsController.class)
@WebSlice
class MyCorrectionsControllerTests {

    private static final String MOBILE = "+923001234567";
    private static final Actor APPLICANT = new Actor(MOBILE, Role.APPLICANT, Set.of(), null);
    private static final HouseholdId HOUSEHOLD = HouseholdId.newId();

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    Corrections corrections;

    @MockitoBean
    HouseholdManagement households;

    @MockitoBean
    HouseholdOwnership ownership;

    @BeforeEach
    void applicantOwnsAHouseholdInKasur() {
        given(ownership.requireHouseholdOf(any())).willCallRealMethod();
        given(ownership.householdOf(APPLICANT)).willReturn(Optional.of(HOUSEHOLD));
        given(households.find(APPLICANT, HOUSEHOLD)).willReturn(Optional.of(RightsSamples.application(HOUSEHOLD, "Kasur")));
    }

    @Test
    void aCorrectionIsAskedForInTheHouseholdsDistrict() {
        given(corrections.request(APPLICANT, HOUSEHOLD, "Kasur",
                new Corrections.Request(CorrectionKind.CORRECTION, "members[0].employment", "EMPLOYED", "A new job")))
                .willReturn(RightsSamples.correction(HOUSEHOLD, CorrectionStatus.PENDING, null));

        MvcTestResult result = post("""
                {"kind":"CORRECTION","field":"members[0].employment","proposedValue":"EMPLOYED","note":"A new job"}""");

        assertThat(result).hasStatus(HttpStatus.CREATED).bodyJson()
                .isLenientlyEqualTo("{\"kind\":\"CORRECTION\",\"status\":\"PENDING\",\"field\":\"rooms\"}");
    }

    @Test
    void aValueTheRulesRefuseIsABadRequestThatNamesTheFieldNotTheValue() {
        given(corrections.request(eq(APPLICANT), eq(HOUSEHOLD), eq("Kasur"), any()))
                .willThrow(HouseholdRefusals.correctionRejected("value", "Type", "is not of the field's type"));

        MvcTestResult result = post("{\"kind\":\"CORRECTION\",\"field\":\"rooms\",\"proposedValue\":\"seven-ish\"}");

        assertThat(errors(assertProblem(result, HttpStatus.BAD_REQUEST))).containsExactly("proposedValue Type");
        assertThat(body(result)).doesNotContain("seven-ish");
    }

    @Test
    void whatTheRequestItselfBreaksNeverReachesTheModule() {
        assertThat(errors(assertProblem(post("{\"kind\":\"ANNOTATION\",\"proposedValue\":\"3\",\"note\":\"x\"}"),
                HttpStatus.BAD_REQUEST))).containsExactly("proposedValue NotAllowed");
        assertThat(errors(assertProblem(post("{\"kind\":\"CORRECTION\",\"field\":\"rooms; drop\",\"proposedValue\":\"3\"}"),
                HttpStatus.BAD_REQUEST))).containsExactly("field Pattern");
        assertThat(errors(assertProblem(post("{\"kind\":\"ANNOTATION\",\"note\":\"" + "x".repeat(1_001) + "\"}"),
                HttpStatus.BAD_REQUEST))).containsExactly("note Size");
        assertThat(errors(assertProblem(post("{\"kind\":\"WISH\",\"note\":\"x\"}"), HttpStatus.BAD_REQUEST)))
                .containsExactly("kind Type");
        assertThat(errors(assertProblem(post("{\"note\":\"x\"}"), HttpStatus.BAD_REQUEST))).containsExactly("kind NotNull");
        assertThat(errors(assertProblem(post("{\"kind\":\"ANNOTATION\",\"note\":\"x\",\"status\":\"APPROVED\"}"),
                HttpStatus.BAD_REQUEST))).containsExactly("status Unknown");
        verifyNoInteractions(corrections);
    }

    @Test
    void anApplicantWithoutAHouseholdIsToldSo() {
        given(ownership.householdOf(APPLICANT)).willReturn(Optional.empty());

        assertProblem(post("{\"kind\":\"ANNOTATION\",\"note\":\"x\"}"), HttpStatus.NOT_FOUND);
        assertProblem(mvc.get().uri("/api/v1/me/corrections").with(Callers.applicant(MOBILE)).exchange(), HttpStatus.NOT_FOUND);
        verifyNoInteractions(corrections);
    }

    @Test
    void listsTheHouseholdsOwnCorrections() {
        given(corrections.of(HOUSEHOLD)).willReturn(List.of(RightsSamples.correction(HOUSEHOLD, CorrectionStatus.REJECTED,
                "No such room")));

        assertThat(mvc.get().uri("/api/v1/me/corrections").with(Callers.applicant(MOBILE))).hasStatusOk().bodyJson()
                .isLenientlyEqualTo("[{\"status\":\"REJECTED\",\"decisionNote\":\"No such room\"}]");
    }

    private MvcTestResult post(String body) {
        return mvc.post().uri("/api/v1/me/corrections").with(Callers.applicant(MOBILE))
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }
}
