package pk.registry.rights.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static pk.registry.http.ProblemAssertions.assertProblem;
import static pk.registry.http.ProblemAssertions.errors;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import pk.registry.household.HouseholdRefusals;
import pk.registry.http.Callers;
import pk.registry.http.WebSlice;
import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.Role;
import pk.registry.rights.CorrectionStatus;
import pk.registry.rights.Corrections;
import pk.registry.rights.DecidedCorrection;
import pk.registry.rights.RightsRefusals;

/** The deciders' correction queue, with the rights module mocked: who is passed on, and what each refusal answers. */
@WebMvcTest(CorrectionQueueController.class)
@WebSlice
class CorrectionQueueControllerTests {

    private static final Actor OFFICER = new Actor("officer", Role.FIELD_OFFICER, Set.of("Lahore", "Kasur"), null);
    private static final UUID ID = UUID.randomUUID();

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    Corrections corrections;

    @Test
    void anOfficerAsksForTheQueueOfTheirDistrictsAPageAtATime() {
        given(corrections.queue(OFFICER, 2, 10)).willReturn(List.of(RightsSamples.correction(HouseholdId.newId(),
                CorrectionStatus.PENDING, null)));

        assertThat(mvc.get().uri("/api/v1/dpo/corrections?page=2&size=10").with(officer())).hasStatusOk().bodyJson()
                .isLenientlyEqualTo("{\"page\":2,\"size\":10,\"corrections\":[{\"status\":\"PENDING\"}]}");
    }

    @Test
    void aPageIsAtMostAHundred() {
        assertThat(errors(assertProblem(mvc.get().uri("/api/v1/dpo/corrections?size=101").with(officer()).exchange(),
                HttpStatus.BAD_REQUEST))).containsExactly("size Max");
        verifyNoInteractions(corrections);
    }

    @Test
    void aDecisionIsPassedOnWithItsNote() {
        given(corrections.decide(OFFICER, ID, true, "Checked the slip"))
                .willReturn(Optional.of(new DecidedCorrection(
                        RightsSamples.correction(HouseholdId.newId(), CorrectionStatus.APPROVED, "Checked the slip"), false)));

        assertThat(decide("{\"approve\":true,\"note\":\"Checked the slip\"}")).hasStatusOk().bodyJson()
                .isLenientlyEqualTo("{\"status\":\"APPROVED\",\"decisionNote\":\"Checked the slip\","
                        + "\"householdOwnedOnline\":false}");
    }

    @Test
    void aCorrectionTheDeciderMayNotSeeIsNotFound() {
        given(corrections.decide(eq(OFFICER), eq(ID), eq(true), any())).willReturn(Optional.empty());

        assertProblem(decide("{\"approve\":true}"), HttpStatus.NOT_FOUND);
    }

    @Test
    void aCorrectionDecidedAlreadyIsAConflict() {
        given(corrections.decide(eq(OFFICER), eq(ID), eq(false), any()))
                .willThrow(RightsRefusals.conflict("This correction was decided already."));

        assertThat(assertProblem(decide("{\"approve\":false}"), HttpStatus.CONFLICT).get("detail").asString())
                .isEqualTo("This correction was decided already.");
    }

    @Test
    void aDecisionTheDatabaseStoppedForAnotherAtTheSameTimeIsAConflictToSendAgain() {
        given(corrections.decide(eq(OFFICER), eq(ID), eq(true), any()))
                .willThrow(new CannotAcquireLockException("Deadlock detected", new SQLException("Deadlock", "40001")));

        assertThat(assertProblem(decide("{\"approve\":true}"), HttpStatus.CONFLICT).get("detail").asString())
                .contains("nothing of this request was kept", "Send it again").doesNotContain("Deadlock");
    }

    @Test
    void aValueThatNoLongerPassesTheRulesIsABadRequest() {
        given(corrections.decide(eq(OFFICER), eq(ID), eq(true), any()))
                .willThrow(HouseholdRefusals.correctionRejected("members[2]", "CnicRequiredForAdults", "an adult needs a CNIC"));

        assertThat(errors(assertProblem(decide("{\"approve\":true}"), HttpStatus.BAD_REQUEST)))
                .containsExactly("members[2] CnicRequiredForAdults");
    }

    @Test
    void aDecisionSaysWhichItIs() {
        assertThat(errors(assertProblem(decide("{\"note\":\"x\"}"), HttpStatus.BAD_REQUEST))).containsExactly("approve NotNull");
        assertThat(errors(assertProblem(decide("{\"approve\":true,\"note\":\"" + "x".repeat(401) + "\"}"),
                HttpStatus.BAD_REQUEST))).containsExactly("note Size");
        assertThat(errors(assertProblem(mvc.post().uri("/api/v1/dpo/corrections/42/decision").with(officer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"approve\":true}").exchange(), HttpStatus.BAD_REQUEST)))
                .containsExactly("id Type");
        verifyNoInteractions(corrections);
    }

    @Test
    void theDpoDecidesToo() {
        Actor dpo = new Actor("dpo", Role.DPO, Set.of(), null);
        given(corrections.decide(dpo, ID, false, null))
                .willReturn(Optional.of(new DecidedCorrection(
                        RightsSamples.correction(HouseholdId.newId(), CorrectionStatus.REJECTED, null), null)));

        assertThat(mvc.post().uri("/api/v1/dpo/corrections/" + ID + "/decision").with(Callers.client("dpo", Role.DPO))
                .contentType(MediaType.APPLICATION_JSON).content("{\"approve\":false}")).hasStatusOk();
    }

    private MvcTestResult decide(String body) {
        return mvc.post().uri("/api/v1/dpo/corrections/" + ID + "/decision").with(officer())
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    private static RequestPostProcessor officer() {
        return Callers.officer("officer", "Lahore", "Kasur");
    }
}
