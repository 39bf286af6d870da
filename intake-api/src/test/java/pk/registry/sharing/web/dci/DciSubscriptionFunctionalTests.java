package pk.registry.sharing.web.dci;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import pk.registry.Http;
import pk.registry.RegistryIntegrationTest;
import pk.registry.household.HouseholdScores;
import pk.registry.household.PmtModel;
import pk.registry.kernel.Pakistan;
import pk.registry.sharing.PartnerManagement;
import pk.registry.sharing.Programme;
import pk.registry.sharing.dci.testing.CallbackReceiver;
import pk.registry.sharing.dci.testing.DciMessages;
import pk.registry.sharing.dci.testing.DciSpec;
import pk.registry.sharing.web.dci.DciService.Household;
import pk.testsupport.TestClock;
import tools.jackson.databind.JsonNode;

/**
 * A DCI subscription over HTTP, end to end: the demo partner asks about a person, follows them,
 * and is notified at its registered URL when a new model version, activated by the administrator
 * and applied by the rescoring job in the background, makes the person's household ineligible;
 * then it unsubscribes. Activates a model for the whole service, so its context is not reused.
 */
@RegistryIntegrationTest
@TestPropertySource(properties = { "registry.dci.delivery.backoff=PT0S,PT0S,PT0S,PT0S,PT0S",
        "registry.dci.delivery.poll=PT0.1S" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DciSubscriptionFunctionalTests {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    Http http;

    @Autowired
    PartnerManagement partners;

    @Autowired
    HouseholdScores scores;

    @Autowired
    TestClock clock;

    DciService service;
    CallbackReceiver receiver;

    @BeforeEach
    void setUp() {
        service = new DciService(http);
        receiver = CallbackReceiver.start();
        DciService.configureDemoAgreement(partners, receiver.baseUrl(), null);
    }

    @AfterEach
    void tearDown() {
        DciService.configureDemoAgreement(partners, null, null);
        receiver.close();
    }

    @Test
    void aPartnerFollowsAPersonItAskedAboutIsToldWhenARescoringChangesTheAnswerAndUnsubscribes() {
        Household poor = service.register(true, Pakistan.today(clock));
        String cnic = poor.cnics().get(0);
        JsonNode notAskedYet = subscribe(cnic, 1);
        HttpResponse<String> asked = service.post("/registry/sync/search",
                DciMessages.search(DciMessages.searchEntry("ask", "CNIC", cnic)));
        assertThat(service.json(asked).get("message").get("search_response").get(0).get("data").get("reg_records").get(0)
                .get("eligible").asBoolean()).isTrue();
        JsonNode followed = subscribe(cnic, 2);

        assertThat(notAskedYet.get("status_reason_code").asString()).isEqualTo("rjct.person_id.invalid");
        assertThat(followed.get("status").asString()).isEqualTo("succ");
        String code = followed.get("subscriptions").get(0).get("code").asString();

        Programme cashTransfer = partners.programme("CASH_TRANSFER").orElseThrow();
        scores.publish(new PmtModel("dci-strict", BigDecimal.valueOf(95), Map.of()));
        partners.saveProgramme(new Programme(cashTransfer.code(), cashTransfer.name(), "dci-strict", cashTransfer.cutoff()));
        scores.activate("dci-strict");

        CallbackReceiver.Call call = receiver.await("/registry/notify", 1, WAIT).get(0);
        DciSpec.get().assertValidRequest("/registry/notify", call.body());
        JsonNode event = DciMessages.read(call.body()).get("message").get("notify_event").get(0);
        assertThat(event.get("reference_id").asString()).isEqualTo(code);
        assertThat(event.get("data").get("reg_records").get("eligible").asBoolean()).isFalse();
        assertThat(event.get("data").get("reg_records").get("score_band").asString()).isEqualTo("80-100");
        assertThat(call.body()).doesNotContain(poor.personalData());

        HttpResponse<String> unsubscribe = service.post("/registry/unsubscribe", DciMessages.unsubscribe(code));
        assertThat(unsubscribe.statusCode()).isEqualTo(202);
        DciSpec.get().assertValidResponse("/registry/unsubscribe", 202, unsubscribe.body());
        CallbackReceiver.Call unsubscribed = receiver.await("/registry/on-unsubscribe", 1, WAIT).get(0);
        DciSpec.get().assertValidRequest("/registry/on-unsubscribe", unsubscribed.body());
        JsonNode outcome = DciMessages.read(unsubscribed.body()).get("message");
        assertThat(outcome.get("status").asString()).isEqualTo("succ");
        assertThat(outcome.get("subscription_status").get(0).get("status").asString()).isEqualTo("unsubscribe");
    }

    /** Subscribes to the holder of the CNIC; returns the entry of the {@code on-subscribe} callback, the n-th received. */
    private JsonNode subscribe(String cnic, int nth) {
        HttpResponse<String> response = service.post("/registry/subscribe",
                DciMessages.subscribe(DciMessages.subscribeEntry("follow-" + nth, cnic)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        DciSpec.get().assertValidResponse("/registry/subscribe", 202, response.body());
        CallbackReceiver.Call call = receiver.await("/registry/on-subscribe", nth, WAIT).get(nth - 1);
        DciSpec.get().assertValidRequest("/registry/on-subscribe", call.body());
        return DciMessages.read(call.body()).get("message").get("subscribe_response").get(0);
    }
}
