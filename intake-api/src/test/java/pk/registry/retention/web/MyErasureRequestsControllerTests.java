package pk.registry.retention.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static pk.registry.http.ProblemAssertions.assertProblem;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import pk.registry.http.Callers;
import pk.registry.http.WebSlice;
import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.HouseholdOwnership;
import pk.registry.kernel.Role;
import pk.registry.retention.ErasureRequest;
import pk.registry.retention.ErasureRequests;
import pk.registry.retention.ErasureStatus;
import pk.registry.retention.RefusalGround;
import pk.registry.retention.RetentionRefusals;

/** An applicant's erasure requests, with the retention module mocked. */
@WebMvcTest(MyErasureRequestsController.class)
@WebSlice
class MyErasureRequestsControllerTests {

    private static final String MOBILE = "+923001234567";
    private static final Actor APPLICANT = new Actor(MOBILE, Role.APPLICANT, Set.of(), null);
    private static final HouseholdId HOUSEHOLD = HouseholdId.newId();
    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    ErasureRequests requests;

    @MockitoBean
    HouseholdOwnership ownership;

    @BeforeEach
    void applicantOwnsAHousehold() {
        given(ownership.requireHouseholdOf(any())).willCallRealMethod();
        given(ownership.householdOf(APPLICANT)).willReturn(Optional.of(HOUSEHOLD));
    }

    @Test
    void aRequestIsCreatedWhereItCanBeFollowed() {
        ErasureRequest request = new ErasureRequest(UUID.randomUUID(), HOUSEHOLD, ErasureStatus.REQUESTED, AT, null, null,
                null, null, null, null);
        given(requests.request(APPLICANT, HOUSEHOLD)).willReturn(request);

        MvcTestResult result = mvc.post().uri("/api/v1/me/erasure-requests").with(Callers.applicant(MOBILE)).exchange();

        assertThat(result).hasStatus(HttpStatus.CREATED).bodyJson().isLenientlyEqualTo("{\"status\":\"REQUESTED\"}");
        assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/v1/me/erasure-requests/" + request.id());
    }

    @Test
    void aSecondOpenRequestIsAConflict() {
        given(requests.request(APPLICANT, HOUSEHOLD))
                .willThrow(RetentionRefusals.erasureConflict("An erasure request of this household is open already."));

        assertProblem(mvc.post().uri("/api/v1/me/erasure-requests").with(Callers.applicant(MOBILE)).exchange(),
                HttpStatus.CONFLICT);
    }

    @Test
    void theRequesterFollowsItToItsRefusalAndGround() {
        UUID id = UUID.randomUUID();
        given(requests.ofRequester(APPLICANT, id)).willReturn(Optional.of(new ErasureRequest(id, HOUSEHOLD,
                ErasureStatus.REFUSED, AT, AT, RefusalGround.COURT_ORDER, "Order 12/2026", null, null, null)));

        assertThat(mvc.get().uri("/api/v1/me/erasure-requests/" + id).with(Callers.applicant(MOBILE))).hasStatusOk()
                .bodyJson().isLenientlyEqualTo("{\"status\":\"REFUSED\",\"refusalGround\":\"COURT_ORDER\"}");
    }

    @Test
    void someoneElsesRequestIsNotFoundEvenWithoutAHousehold() {
        given(ownership.householdOf(APPLICANT)).willReturn(Optional.empty());
        given(requests.ofRequester(any(), any())).willReturn(Optional.empty());

        assertProblem(mvc.get().uri("/api/v1/me/erasure-requests/" + UUID.randomUUID()).with(Callers.applicant(MOBILE))
                .exchange(), HttpStatus.NOT_FOUND);
        assertProblem(mvc.post().uri("/api/v1/me/erasure-requests").with(Callers.applicant(MOBILE)).exchange(),
                HttpStatus.NOT_FOUND);
    }

    @Test
    void anIdThatIsNotOneIsABadRequest() {
        assertProblem(mvc.get().uri("/api/v1/me/erasure-requests/35202-1234567-1").with(Callers.applicant(MOBILE))
                .exchange(), HttpStatus.BAD_REQUEST);
        verifyNoInteractions(requests);
    }
}
