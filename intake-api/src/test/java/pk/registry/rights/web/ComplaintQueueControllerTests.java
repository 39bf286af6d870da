package pk.registry.rights.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static pk.registry.http.ProblemAssertions.assertProblem;
import static pk.registry.http.ProblemAssertions.errors;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

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
import pk.registry.kernel.Role;
import pk.registry.rights.ComplaintStatus;
import pk.registry.rights.Complaints;
import pk.registry.rights.RightsRefusals;

/** The DPO's complaint queue, with the rights module mocked. */
@WebMvcTest(ComplaintQueueController.class)
@WebSlice
class ComplaintQueueControllerTests {

    private static final Actor DPO = new Actor("dpo", Role.DPO, Set.of(), null);
    private static final UUID ID = UUID.randomUUID();

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    Complaints complaints;

    @Test
    void theQueueIsFilteredByStatusAPageAtATime() {
        given(complaints.queue(any(), eq(ComplaintStatus.OPEN), eq(0), eq(50)))
                .willReturn(List.of(RightsSamples.complaint(HouseholdId.newId(), null)));

        assertThat(mvc.get().uri("/api/v1/dpo/complaints?status=OPEN").with(Callers.client("dpo", Role.DPO))).hasStatusOk()
                .bodyJson().isLenientlyEqualTo("{\"status\":\"OPEN\",\"page\":0,\"size\":50,\"complaints\":[{\"status\":\"OPEN\"}]}");
        assertThat(errors(assertProblem(mvc.get().uri("/api/v1/dpo/complaints?status=CLOSED").with(Callers.client("dpo", Role.DPO))
                .exchange(), HttpStatus.BAD_REQUEST))).containsExactly("status Type");
        assertThat(errors(assertProblem(mvc.get().uri("/api/v1/dpo/complaints?page=-1").with(Callers.client("dpo", Role.DPO))
                .exchange(), HttpStatus.BAD_REQUEST))).containsExactly("page Min");
    }

    @Test
    void anAnswerIsPassedOn() {
        given(complaints.answer(DPO, ID, "We called on Tuesday"))
                .willReturn(Optional.of(RightsSamples.complaint(HouseholdId.newId(), "We called on Tuesday")));

        assertThat(answer("{\"answer\":\"We called on Tuesday\"}")).hasStatusOk().bodyJson()
                .isLenientlyEqualTo("{\"status\":\"ANSWERED\",\"answer\":\"We called on Tuesday\"}");
    }

    @Test
    void anUnknownComplaintIsNotFoundAndAnAnsweredOneAConflict() {
        given(complaints.answer(any(), any(), any())).willReturn(Optional.empty());
        assertProblem(answer("{\"answer\":\"x\"}"), HttpStatus.NOT_FOUND);

        given(complaints.answer(any(), any(), any())).willThrow(RightsRefusals.conflict("This complaint was answered already."));
        assertProblem(answer("{\"answer\":\"x\"}"), HttpStatus.CONFLICT);
    }

    @Test
    void anAnswerIsNeitherEmptyNorTooLong() {
        assertThat(errors(assertProblem(answer("{\"answer\":\"\"}"), HttpStatus.BAD_REQUEST))).containsExactly("answer NotBlank");
        assertThat(errors(assertProblem(answer("{\"answer\":\"" + "x".repeat(4_001) + "\"}"), HttpStatus.BAD_REQUEST)))
                .containsExactly("answer Size");
        verifyNoInteractions(complaints);
    }

    private MvcTestResult answer(String body) {
        return mvc.post().uri("/api/v1/dpo/complaints/" + ID + "/answer").with(Callers.client("dpo", Role.DPO))
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }
}
