package pk.registry.retention.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
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
import pk.registry.retention.HoldReason;
import pk.registry.retention.LegalHold;
import pk.registry.retention.LegalHolds;

/** The DPO's legal holds, with the retention module mocked. */
@WebMvcTest(LegalHoldsController.class)
@WebSlice
class LegalHoldsControllerTests {

    private static final Actor DPO = new Actor("dpo", Role.DPO, Set.of(), null);
    private static final HouseholdId HOUSEHOLD = HouseholdId.newId();
    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    LegalHolds holds;

    @Test
    void aPlacedHoldIsCreatedWhereItIsReleased() {
        LegalHold hold = hold(null);
        given(holds.place(DPO, HOUSEHOLD, HoldReason.COURT_ORDER, "Lahore High Court W.P. 1234/2026")).willReturn(Optional.of(hold));

        MvcTestResult result = place("{\"household\":\"" + HOUSEHOLD + "\",\"reason\":\"COURT_ORDER\","
                + "\"reference\":\"Lahore High Court W.P. 1234/2026\"}");

        assertThat(result).hasStatus(HttpStatus.CREATED).bodyJson().isLenientlyEqualTo("{\"reason\":\"COURT_ORDER\"}");
        assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/v1/dpo/legal-holds/" + hold.id());
    }

    @Test
    void aHoldOnNoHouseholdIsNotFound() {
        given(holds.place(any(), any(), any(), any())).willReturn(Optional.empty());

        assertProblem(place("{\"household\":\"" + HOUSEHOLD + "\",\"reason\":\"LITIGATION\",\"reference\":\"Suit 9/2026\"}"),
                HttpStatus.NOT_FOUND);
    }

    @Test
    void aReferenceNamesACaseNotAPerson() {
        MvcTestResult result = place("{\"household\":\"" + HOUSEHOLD + "\",\"reason\":\"LITIGATION\",\"reference\":\"نسرین بی بی\"}");

        assertThat(errors(assertProblem(result, HttpStatus.BAD_REQUEST))).containsExactly("reference Pattern");
        assertThat(body(result)).doesNotContain("نسرین");
        assertThat(errors(assertProblem(place("{\"reason\":\"LITIGATION\",\"reference\":\"x\"}"), HttpStatus.BAD_REQUEST)))
                .containsExactly("household NotNull");
        verifyNoInteractions(holds);
    }

    @Test
    void releasingAHoldThatIsNotPlacedIsNotFound() {
        UUID id = UUID.randomUUID();
        given(holds.release(DPO, id)).willReturn(Optional.of(hold(AT)), Optional.empty());

        assertThat(mvc.delete().uri("/api/v1/dpo/legal-holds/" + id).with(Callers.client("dpo", Role.DPO))).hasStatusOk();
        assertProblem(mvc.delete().uri("/api/v1/dpo/legal-holds/" + id).with(Callers.client("dpo", Role.DPO)).exchange(),
                HttpStatus.NOT_FOUND);
    }

    @Test
    void listsTheHoldsAPageAtATime() {
        given(holds.page(0, 50)).willReturn(List.of(hold(null), hold(AT)));
        given(holds.page(3, 10)).willReturn(List.of());

        assertThat(mvc.get().uri("/api/v1/dpo/legal-holds").with(Callers.client("dpo", Role.DPO))).hasStatusOk().bodyJson()
                .isLenientlyEqualTo("{\"page\":0,\"size\":50,\"holds\":[{\"releasedAt\":null},"
                        + "{\"releasedAt\":\"2026-03-01T09:00:00Z\"}]}");
        assertThat(mvc.get().uri("/api/v1/dpo/legal-holds?page=3&size=10").with(Callers.client("dpo", Role.DPO)))
                .hasStatusOk().bodyJson().isLenientlyEqualTo("{\"page\":3,\"size\":10,\"holds\":[]}");
    }

    @Test
    void aPageIsBounded() {
        Map<String, String> refused = Map.of("size=101", "size Max", "size=0", "size Min", "page=-1", "page Min",
                "page=100001", "page Max");
        refused.forEach((query, error) -> assertThat(errors(assertProblem(mvc.get().uri("/api/v1/dpo/legal-holds?" + query)
                .with(Callers.client("dpo", Role.DPO)).exchange(), HttpStatus.BAD_REQUEST))).as(query).containsExactly(error));
        verifyNoInteractions(holds);
    }

    private MvcTestResult place(String body) {
        return mvc.post().uri("/api/v1/dpo/legal-holds").with(Callers.client("dpo", Role.DPO))
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    private static LegalHold hold(Instant releasedAt) {
        return new LegalHold(UUID.randomUUID(), HOUSEHOLD, HoldReason.COURT_ORDER, "Lahore High Court W.P. 1234/2026", "dpo",
                AT, releasedAt == null ? null : "dpo", releasedAt);
    }
}
