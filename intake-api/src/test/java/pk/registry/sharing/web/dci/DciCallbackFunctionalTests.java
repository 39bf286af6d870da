package pk.registry.sharing.web.dci;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import pk.registry.Http;
import pk.registry.RegistryIntegrationTest;
import pk.registry.kernel.Pakistan;
import pk.registry.sharing.PartnerManagement;
import pk.registry.sharing.dci.testing.CallbackReceiver;
import pk.registry.sharing.dci.testing.DciMessages;
import pk.registry.sharing.dci.testing.DciSpec;
import pk.registry.sharing.web.dci.DciService.Household;
import pk.testsupport.TestClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The asynchronous DCI flow over HTTP with the service's own delivery running: {@code ACK} at
 * once, the {@code on-search} callback to the demo agreement's registered URL (a receiver on the
 * loopback address) and never to a {@code sender_uri} elsewhere, retried until a failing receiver
 * recovers, and transaction status, synchronous and by {@code txn-on-status} callback.
 */
@RegistryIntegrationTest
@TestPropertySource(properties = { "registry.dci.delivery.backoff=PT0S,PT0S,PT0S,PT0S,PT0S",
        "registry.dci.delivery.poll=PT0.1S" })
class DciCallbackFunctionalTests {

    static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    Http http;

    @Autowired
    PartnerManagement partners;

    @Autowired
    TestClock clock;

    DciService service;
    CallbackReceiver registered;
    CallbackReceiver elsewhere;

    @BeforeEach
    void setUp() {
        service = new DciService(http);
        registered = CallbackReceiver.start();
        elsewhere = CallbackReceiver.start();
        DciService.configureDemoAgreement(partners, registered.baseUrl(), null);
    }

    @AfterEach
    void tearDown() {
        DciService.configureDemoAgreement(partners, null, null);
        registered.close();
        elsewhere.close();
    }

    @Test
    void anAsyncSearchIsAcknowledgedAndItsAnswerCalledBackToTheRegisteredUrlOnly() {
        Household poor = service.register(true, Pakistan.today(clock));
        ObjectNode request = DciMessages.search(DciMessages.searchEntry("poor", "CNIC", poor.cnics().get(0)),
                DciMessages.searchEntry("suite", "UIN", "TEST-001"));
        ((ObjectNode) request.get("header")).put("sender_uri", elsewhere.baseUrl() + "/registry/on-search");

        String correlationId = acknowledged(service.post("/registry/search", request));

        CallbackReceiver.Call call = registered.await("/registry/on-search", 1, WAIT).get(0);
        DciSpec.get().assertValidRequest("/registry/on-search", call.body());
        JsonNode callback = DciMessages.read(call.body());
        assertThat(callback.get("header").get("action").asString()).isEqualTo("on-search");
        assertThat(callback.get("message").get("correlation_id").asString()).isEqualTo(correlationId);
        assertThat(callback.get("message").get("transaction_id")).isEqualTo(request.get("message").get("transaction_id"));
        JsonNode answers = callback.get("message").get("search_response");
        assertThat(answers.get(0).get("data").get("reg_records").get(0).get("eligible").asBoolean()).isTrue();
        assertThat(answers.get(1).get("status_reason_code").asString()).isEqualTo("rjct.search_criteria.invalid");
        assertThat(call.body()).doesNotContain(poor.personalData());
        assertThat(elsewhere.attempts()).isZero();
    }

    @Test
    void aFailingReceiverIsRetriedAndGetsTheAnswerOnceItRecovers() {
        Household poor = service.register(true, Pakistan.today(clock));
        registered.failNext(2);

        acknowledged(service.post("/registry/search", DciMessages.search(DciMessages.searchEntry("r", "CNIC",
                poor.cnics().get(1)))));

        assertThat(registered.await("/registry/on-search", 1, WAIT)).hasSize(1);
        assertThat(registered.attempts()).isEqualTo(3);
    }

    @Test
    void theStatusOfASearchIsAnsweredInTheResponseAndByCallback() {
        Household poor = service.register(true, Pakistan.today(clock));
        ObjectNode search = DciMessages.search(DciMessages.searchEntry("r1", "CNIC", poor.cnics().get(0)));
        acknowledged(service.post("/registry/search", search));
        registered.await("/registry/on-search", 1, WAIT);
        ObjectNode byTransaction = DciMessages.txnStatus("transaction_id", search.get("message").get("transaction_id"));

        JsonNode status = awaitDelivered(byTransaction);
        String correlationId = acknowledged(service.post("/registry/txn/status", DciMessages.anew(byTransaction)));

        JsonNode entries = status.get("message").get("txnstatus_response").get("txn_status").get("search_response");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("reference_id").asString()).isEqualTo("r1");
        assertThat(entries.get(0).get("status").asString()).isEqualTo("succ");
        CallbackReceiver.Call call = registered.await("/registry/txn/on-status", 1, WAIT).get(0);
        DciSpec.get().assertValidRequest("/registry/txn/on-status", call.body());
        JsonNode callback = DciMessages.read(call.body());
        assertThat(callback.get("header").get("action").asString()).isEqualTo("txn-on-status");
        assertThat(callback.get("message").get("correlation_id").asString()).isEqualTo(correlationId);
        assertThat(callback.get("message").get("txnstatus_response").get("txn_status").get("search_response")).hasSize(1);

        HttpResponse<String> unknown = service.post("/registry/sync/txn/status",
                DciMessages.txnStatus("transaction_id", DciMessages.JSON.getNodeFactory().stringNode("no-such-transaction")));
        DciSpec.get().assertValidResponse("/registry/sync/txn/status", 200, unknown.body());
        assertThat(service.json(unknown).get("message").get("txnstatus_response").get("txn_status").get("search_response"))
                .isEmpty();
    }

    /** Asks for the status, each time as a new message, until the search's callback was recorded as delivered (succ). */
    private JsonNode awaitDelivered(ObjectNode request) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            HttpResponse<String> response = service.post("/registry/sync/txn/status", DciMessages.anew(request));
            assertThat(response.statusCode()).isEqualTo(200);
            DciSpec.get().assertValidResponse("/registry/sync/txn/status", 200, response.body());
            JsonNode status = service.json(response);
            if ("succ".equals(status.get("header").get("status").asString()) || System.nanoTime() > deadline) {
                assertThat(status.get("header").get("status").asString()).isEqualTo("succ");
                return status;
            }
            sleep();
        }
    }

    private static String acknowledged(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        DciSpec.get().assertValidResponse("/registry/search", 202, response.body());
        JsonNode ack = DciMessages.read(response.body()).get("message");
        assertThat(ack.get("ack_status").asString()).isEqualTo("ACK");
        assertThat(ack.has("error")).isFalse();
        return ack.get("correlation_id").asString();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
