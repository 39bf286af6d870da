package pk.registry.retention.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static pk.registry.http.ProblemAssertions.assertProblem;
import static pk.registry.http.ProblemAssertions.errors;

import java.time.Instant;
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
import pk.registry.retention.ErasureRequest;
import pk.registry.retention.ErasureRequests;
import pk.registry.retention.ErasureStatus;
import pk.registry.retention.RefusalGround;
import pk.registry.retention.RetentionRefusals;

/** The DPO's erasure queue and decisions, with the retention module mocked. */
@WebMvcTest(ErasureRequestsController.class)
@WebSlice
class ErasureRequestsControllerTests {

    private static final Actor DPO = new Actor("dpo", Role.DPO, Set.of(), null);
    private static final UUID ID = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    ErasureRequests requests;

    @Test
    void theQueueIsFilteredByStatusAndItsPagesAreBounded() {
        given(requests.page(ErasureStatus.REQUESTED, 1, 20)).willReturn(List.of(request(ErasureStatus.REQUESTED, null)));

        assertThat(mvc.get().uri("/api/v1/dpo/erasure-requests?status=REQUESTED&page=1&size=20").with(dpo())).hasStatusOk()
                .bodyJson().isLenientlyEqualTo("{\"page\":1,\"size\":20,\"requests\":[{\"status\":\"REQUESTED\"}]}");
        assertThat(errors(assertProblem(mvc.get().uri("/api/v1/dpo/erasure-requests?size=1000").with(dpo()).exchange(),
                HttpStatus.BAD_REQUEST))).containsExactly("size Max");
        assertThat(errors(assertProblem(mvc.get().uri("/api/v1/dpo/erasure-requests?status=GONE").with(dpo()).exchange(),
                HttpStatus.BAD_REQUEST))).containsExactly("status Type");
    }

    /** Spring would read the first status, a gateway in front perhaps the last: neither, a 400. */
    @Test
    void aQueryParameterGivenTwiceIsABadRequest() {
        assertThat(errors(assertProblem(mvc.get().uri("/api/v1/dpo/erasure-requests?status=REQUESTED&page=0&status=APPROVED")
                .with(dpo()).exchange(), HttpStatus.BAD_REQUEST))).containsExactly("status Duplicate");
        assertThat(errors(assertProblem(mvc.get().uri("/api/v1/dpo/erasure-requests?size=5&page=0&size=5&page=1")
                .with(dpo()).exchange(), HttpStatus.BAD_REQUEST))).containsExactly("size Duplicate", "page Duplicate");
        verifyNoInteractions(requests);
    }

    @Test
    void aRefusalCitesItsGround() {
        given(requests.decide(DPO, ID, new ErasureRequests.Decision(false, RefusalGround.OPEN_FRAUD_CASE, "Case 7/2026")))
                .willReturn(Optional.of(request(ErasureStatus.REFUSED, RefusalGround.OPEN_FRAUD_CASE)));

        assertThat(decide("{\"approve\":false,\"ground\":\"OPEN_FRAUD_CASE\",\"note\":\"Case 7/2026\"}")).hasStatusOk()
                .bodyJson().isLenientlyEqualTo("{\"status\":\"REFUSED\",\"refusalGround\":\"OPEN_FRAUD_CASE\"}");
    }

    @Test
    void aRefusalWithoutAGroundIsABadRequest() {
        assertThat(errors(assertProblem(decide("{\"approve\":false}"), HttpStatus.BAD_REQUEST)))
                .containsExactly("ground RequiredToRefuse");
        assertThat(errors(assertProblem(decide("{\"approve\":false,\"ground\":\"BECAUSE\"}"), HttpStatus.BAD_REQUEST)))
                .containsExactly("ground Type");
        assertThat(errors(assertProblem(decide("{}"), HttpStatus.BAD_REQUEST))).containsExactly("approve NotNull");
        verifyNoInteractions(requests);
    }

    /** An approval's ground or note would be kept nowhere: the DPO is told so rather than have it dropped. */
    @Test
    void anApprovalWithAGroundOrANoteIsABadRequest() {
        assertThat(errors(assertProblem(decide("{\"approve\":true,\"ground\":\"COURT_ORDER\"}"), HttpStatus.BAD_REQUEST)))
                .containsExactly("ground OnlyToRefuse");
        assertThat(errors(assertProblem(decide("{\"approve\":true,\"note\":\"ok\"}"), HttpStatus.BAD_REQUEST)))
                .containsExactly("note OnlyToRefuse");
        verifyNoInteractions(requests);
    }

    /** A decision is a JSON boolean: a string or a number is not read as one. */
    @Test
    void aDecisionThatIsNotABooleanIsABadRequest() {
        for (String approve : new String[] { "\"true\"", "\"false\"", "1", "0" }) {
            assertThat(errors(assertProblem(decide("{\"approve\":" + approve + ",\"ground\":\"COURT_ORDER\"}"),
                    HttpStatus.BAD_REQUEST))).as(approve).containsExactly("approve Type");
        }
        verifyNoInteractions(requests);
    }

    @Test
    void anApprovalIsPassedOnAndAnUnknownOrDecidedRequestAnswersSo() {
        given(requests.decide(DPO, ID, new ErasureRequests.Decision(true, null, null)))
                .willReturn(Optional.of(request(ErasureStatus.APPROVED, null)));
        assertThat(decide("{\"approve\":true}")).hasStatusOk();

        given(requests.decide(any(), any(), any())).willReturn(Optional.empty());
        assertProblem(decide("{\"approve\":true}"), HttpStatus.NOT_FOUND);

        given(requests.decide(any(), any(), any())).willThrow(RetentionRefusals.erasureConflict("This request was decided already."));
        assertProblem(decide("{\"approve\":true}"), HttpStatus.CONFLICT);
    }

    private MvcTestResult decide(String body) {
        return mvc.post().uri("/api/v1/dpo/erasure-requests/" + ID + "/decision").with(dpo())
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor dpo() {
        return Callers.client("dpo", Role.DPO);
    }

    private static ErasureRequest request(ErasureStatus status, RefusalGround ground) {
        return new ErasureRequest(ID, HouseholdId.newId(), status, AT, status == ErasureStatus.REQUESTED ? null : AT, ground,
                null, null, null, null);
    }
}
