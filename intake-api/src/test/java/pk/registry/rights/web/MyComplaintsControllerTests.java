package pk.registry.rights.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static pk.registry.http.ProblemAssertions.assertProblem;
import static pk.registry.http.ProblemAssertions.body;
import static pk.registry.http.ProblemAssertions.errors;

import java.time.Duration;
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

import pk.registry.http.Callers;
import pk.registry.http.WebSlice;
import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.HouseholdOwnership;
import pk.registry.kernel.Role;
import pk.registry.rights.Complaints;
import pk.registry.rights.RightsRefusals;

/** An applicant's complaints, with the rights module mocked. */
@WebMvcTest(MyComplaintsController.class)
@WebSlice
class MyComplaintsControllerTests {

    private static final String MOBILE = "+923001234567";
    private static final Actor APPLICANT = new Actor(MOBILE, Role.APPLICANT, Set.of(), null);
    private static final HouseholdId HOUSEHOLD = HouseholdId.newId();

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    Complaints complaints;

    @MockitoBean
    HouseholdOwnership ownership;

    @BeforeEach
    void applicantOwnsAHousehold() {
        given(ownership.requireHouseholdOf(any())).willCallRealMethod();
        given(ownership.householdOf(APPLICANT)).willReturn(Optional.of(HOUSEHOLD));
    }

    @Test
    void aLodgedComplaintAnswersWithItsReference() {
        String text = "ميرا نام فہرست ميں نہيں ہے ".repeat(200).substring(0, 4_000);
        given(complaints.lodge(APPLICANT, HOUSEHOLD, text)).willReturn(RightsSamples.complaint(HOUSEHOLD, null));

        assertThat(lodge("{\"text\":\"" + text + "\"}")).hasStatus(HttpStatus.CREATED).bodyJson()
                .isLenientlyEqualTo("{\"reference\":\"C-2026-7KQ3M9XD\",\"status\":\"OPEN\"}");
    }

    @Test
    void aHouseholdPastItsDaysComplaintsIsToldWhenToTryAgain() {
        given(complaints.lodge(APPLICANT, HOUSEHOLD, "again")).willThrow(RightsRefusals.filingQuotaExhausted(
                Duration.ofHours(3).plusMillis(1)));

        MvcTestResult refused = lodge("{\"text\":\"again\"}");

        assertThat(assertProblem(refused, HttpStatus.TOO_MANY_REQUESTS).get("code").asString())
                .isEqualTo("filing-quota-exhausted");
        assertThat(refused.getResponse().getHeader("Retry-After")).isEqualTo("10801");
    }

    @Test
    void aComplaintIsNeitherEmptyNorLongerThanFourThousandCharacters() {
        MvcTestResult tooLong = lodge("{\"text\":\"" + "ب".repeat(4_001) + "\"}");

        assertThat(errors(assertProblem(tooLong, HttpStatus.BAD_REQUEST))).containsExactly("text Size");
        assertThat(body(tooLong)).doesNotContain("ببب");
        assertThat(errors(assertProblem(lodge("{\"text\":\"  \"}"), HttpStatus.BAD_REQUEST))).containsExactly("text NotBlank");
        assertThat(errors(assertProblem(lodge("{\"text\":\"x\",\"reference\":\"C-2026-AAAAAAAA\"}"), HttpStatus.BAD_REQUEST)))
                .containsExactly("reference Unknown");
        verifyNoInteractions(complaints);
    }

    @Test
    void anUnknownFieldWhoseNameIsNoFieldNameIsNotRepeated() {
        MvcTestResult result = lodge("{\"text\":\"x\",\"35202-1234567-1\":true}");

        assertThat(errors(assertProblem(result, HttpStatus.BAD_REQUEST))).containsExactly("body Unknown");
        assertThat(body(result)).doesNotContain("35202");
        verifyNoInteractions(complaints);
    }

    @Test
    void listsTheHouseholdsOwnComplaintsWithTheirAnswers() {
        given(complaints.of(HOUSEHOLD)).willReturn(List.of(RightsSamples.complaint(HOUSEHOLD, "We called on Tuesday")));

        assertThat(mvc.get().uri("/api/v1/me/complaints").with(Callers.applicant(MOBILE))).hasStatusOk().bodyJson()
                .isLenientlyEqualTo("[{\"status\":\"ANSWERED\",\"answer\":\"We called on Tuesday\"}]");
    }

    @Test
    void anApplicantWithoutAHouseholdIsToldSo() {
        given(ownership.householdOf(APPLICANT)).willReturn(Optional.empty());

        assertProblem(lodge("{\"text\":\"x\"}"), HttpStatus.NOT_FOUND);
        verifyNoInteractions(complaints);
    }

    private MvcTestResult lodge(String body) {
        return mvc.post().uri("/api/v1/me/complaints").with(Callers.applicant(MOBILE))
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }
}
