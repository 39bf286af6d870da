package pk.registry.sharing.dci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import pk.registry.household.HouseholdErasure;
import pk.registry.kernel.Actor;
import pk.registry.kernel.Purpose;
import pk.registry.kernel.Role;
import pk.registry.keys.RegistryKeyring;
import pk.registry.sharing.Agreement;
import pk.registry.sharing.dci.DciFixtures.Registered;
import pk.registry.sharing.dci.testing.CallbackReceiver;
import pk.registry.sharing.dci.testing.DciMessages;
import pk.registry.sharing.dci.testing.DciSpec;
import pk.registry.sharing.dci.testing.PartnerSigner;
import pk.testsupport.RegistryModuleTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Asynchronous DCI searches and transaction status at the sharing module's scope: answered at
 * once, kept sealed, delivered only under the agreement's registered callback URL, retried with
 * back-off (the test clock moves), given up without losing the answer, and reported by status
 * requests within the caller's agreement only. Callbacks go to receivers on the loopback address.
 */
@RegistryModuleTest
class DciCallbacksIntegrationTests extends EligibleHouseholdTests {

    @Autowired
    CallbackDelivery delivery;

    @Autowired
    HouseholdErasure erasure;

    @Autowired
    RegistryKeyring keyring;

    CallbackReceiver receiver;
    CallbackReceiver elsewhere;

    @BeforeEach
    void setUp() {
        receiver = CallbackReceiver.start();
        elsewhere = CallbackReceiver.start();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
        elsewhere.close();
        clock.reset();
    }

    @Test
    void anAsyncSearchIsAnsweredAtOnceKeptSealedAndDeliveredToTheRegisteredUrlOnly() {
        Agreement agreement = agreement(receiver);
        ObjectNode request = DciMessages.search(DciMessages.searchEntry("head", "CNIC", household.cnics().get(0)),
                DciMessages.searchEntry("expression", "UIN", "TEST-001"));
        ((ObjectNode) request.get("header")).put("sender_uri", elsewhere.baseUrl() + "/registry/on-search");

        String correlationId = acknowledged(search(DciFixtures.partner(agreement), request));

        assertThat(disclosures(agreement)).as("answered when asked").isEqualTo(1);
        byte[] sealed = jdbc.sql("SELECT sealed_envelope FROM dci_delivery WHERE correlation_id = :id").param("id", correlationId)
                .query((rs, row) -> rs.getBytes(1)).single();
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(household.cnics().get(0).substring(0, 5),
                "eligible", "Lahore");

        assertThat(delivery.deliverDue()).isEqualTo(1);

        CallbackReceiver.Call call = receiver.await("/registry/on-search", 1, Duration.ofSeconds(5)).get(0);
        DciSpec.get().assertValidRequest("/registry/on-search", call.body());
        JsonNode callback = DciMessages.read(call.body());
        assertThat(callback.get("header").get("action").asString()).isEqualTo("on-search");
        assertThat(callback.get("header").get("receiver_id").asString()).isEqualTo(DciMessages.SENDER);
        assertThat(callback.get("message").get("correlation_id").asString()).isEqualTo(correlationId);
        assertThat(callback.get("message").get("transaction_id")).isEqualTo(request.get("message").get("transaction_id"));
        assertThat(callback.get("message").get("search_response").get(0).get("data").get("reg_records").get(0)
                .get("eligible").asBoolean()).isTrue();
        assertThat(callback.get("message").get("search_response").get(1).get("status_reason_code").asString())
                .isEqualTo("rjct.search_criteria.invalid");
        assertThat(call.body()).doesNotContain(household.personalData());
        assertThat(PartnerSigner.signedByRegistry(callback, keyring.signingKeys().toPublicJWKSet(), "pk.registry.social",
                clock.instant())).isTrue();
        assertThat(elsewhere.attempts()).as("a URL the request named outside the registered base").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dci_delivery WHERE correlation_id = :id AND sealed_envelope IS NULL")
                .param("id", correlationId).query(Long.class).single()).as("dropped once delivered").isEqualTo(1);
        assertThat(delivery.deliverDue()).as("delivered once").isZero();
    }

    @Test
    void aSenderUriUnderTheRegisteredBaseIsCalledAndForgottenOnceDelivered() {
        Agreement agreement = agreement(receiver);
        ObjectNode request = search();
        ((ObjectNode) request.get("header")).put("sender_uri", receiver.baseUrl() + "/spmis/callbacks/on-search");

        String correlationId = acknowledged(search(DciFixtures.partner(agreement), request));
        assertThat(callbackUrlsKept(correlationId)).as("queued: sealed, not in clear").containsExactly("sealed");
        delivery.deliverDue();

        assertThat(receiver.await("/spmis/callbacks/on-search", 1, Duration.ofSeconds(5))).hasSize(1);
        assertThat(callbackUrlsKept(correlationId)).as("delivered: nothing more is sent").containsExactly("none");
    }

    @Test
    void aCallbackQueuedWithItsUrlInClearBeforeUrlsWereSealedIsStillDeliveredThere() {
        Agreement agreement = agreement(receiver);
        String correlationId = acknowledged(search(DciFixtures.partner(agreement), search()));
        jdbc.sql("UPDATE dci_delivery SET target_url = :url, target_sealed = NULL WHERE correlation_id = :id")
                .param("url", receiver.baseUrl() + "/queued/before/v25").param("id", correlationId).update();
        assertThat(callbackUrlsKept(correlationId)).as("as V25 leaves a pending callback").containsExactly("clear");

        delivery.deliverDue();

        assertThat(receiver.await("/queued/before/v25", 1, Duration.ofSeconds(5))).hasSize(1);
        assertThat(callbackUrlsKept(correlationId)).containsExactly("none");
    }

    /** How each of the transaction's callbacks keeps its URL: sealed, in clear, or not at all. */
    private List<String> callbackUrlsKept(String correlationId) {
        return jdbc.sql("""
                SELECT CASE WHEN target_url IS NOT NULL THEN 'clear' WHEN target_sealed IS NOT NULL THEN 'sealed' ELSE 'none' END
                FROM dci_delivery WHERE correlation_id = :id""").param("id", correlationId).query(String.class).list();
    }

    /**
     * A partner that drops every connection is tried once in a round: its other callbacks due are
     * counted as failed without a connection of their own (each retried after its back-off), and
     * another partner's callback queued behind them is delivered in the same round.
     */
    @Test
    void aPartnerThatGivesNoAnswerCostsARoundOneConnectionAndHoldsUpNoOtherPartner() throws IOException, InterruptedException {
        try (ServerSocket dropping = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = new AtomicInteger();
            Thread acceptor = new Thread(() -> {
                while (!dropping.isClosed()) {
                    try (Socket connection = dropping.accept()) {
                        connections.incrementAndGet();
                    }
                    catch (IOException closed) {
                        return;
                    }
                }
            }, "dropping-partner");
            acceptor.setDaemon(true);
            acceptor.start();
            Agreement silent = DciFixtures.draft(programme.code(), today()).with(draft -> draft.callbackBaseUrl =
                    URI.create("http://127.0.0.1:" + dropping.getLocalPort())).save(partners);
            for (int i = 0; i < 6; i++) {
                acknowledged(search(DciFixtures.partner(silent), search()));
            }
            acknowledged(search(DciFixtures.partner(agreement(receiver)), search()));

            delivery.deliverDue();

            assertThat(receiver.await("/registry/on-search", 1, Duration.ofSeconds(5))).hasSize(1);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            // The scheduled round may have claimed some, and records their outcome just after.
            while (attemptsOf(silent).size() < 6 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(attemptsOf(silent)).as("each counted as one failed attempt").containsOnly(1).hasSize(6);
            assertThat(connections.get()).as("one per round (the scheduled round may have run one as well)").isBetween(1, 2);
        }
    }

    private List<Integer> attemptsOf(Agreement agreement) {
        return jdbc.sql("SELECT attempts FROM dci_delivery WHERE agreement_id = :agreement AND claimed_by IS NULL")
                .param("agreement", agreement.id().value()).query(Integer.class).list();
    }

    @Test
    void aFailingReceiverIsRetriedAfterTheBackOffAndGetsTheAnswerWhenItRecovers() {
        Agreement agreement = agreement(receiver);
        receiver.failNext(2);
        String correlationId = acknowledged(search(DciFixtures.partner(agreement), search()));

        assertThat(delivery.deliverDue()).isZero();
        JsonNode pending = syncTxnStatus(DciFixtures.partner(agreement), "correlation_id", correlationId);
        assertThat(pending.get("header").get("status").asString()).isEqualTo("pdng");
        assertThat(entries(pending).get(0).has("data")).as("the held answer").isTrue();

        delivery.deliverDue();
        assertThat(receiver.attempts()).as("not due before its back-off").isEqualTo(1);
        clock.advance(Duration.ofSeconds(10));
        delivery.deliverDue();
        assertThat(receiver.attempts()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(30));
        assertThat(delivery.deliverDue()).isEqualTo(1);

        assertThat(receiver.attempts()).isEqualTo(3);
        assertThat(receiver.callsTo("/registry/on-search")).hasSize(1);
        JsonNode delivered = syncTxnStatus(DciFixtures.partner(agreement), "correlation_id", correlationId);
        assertThat(delivered.get("header").get("status").asString()).isEqualTo("succ");
        assertThat(entries(delivered).get(0).get("status").asString()).isEqualTo("succ");
        assertThat(entries(delivered).get(0).has("data")).as("no longer held").isFalse();
    }

    @Test
    void aCallbackThatNeverSucceedsIsGivenUpAfterSixAttemptsWithoutLosingTheAnswer() {
        Agreement agreement = agreement(receiver);
        receiver.failNext(100);
        ObjectNode request = search();
        String correlationId = acknowledged(search(DciFixtures.partner(agreement), request));
        String transactionId = request.get("message").get("transaction_id").asString();

        for (int round = 0; round < 8; round++) {
            delivery.deliverDue();
            clock.advance(Duration.ofMinutes(31));
        }

        assertThat(receiver.attempts()).isEqualTo(6);
        assertThat(callbackUrlsKept(correlationId)).as("given up: nothing more is sent").containsExactly("none");
        JsonNode status = syncTxnStatus(DciFixtures.partner(agreement), "transaction_id", transactionId);
        assertThat(status.get("header").get("status").asString()).isEqualTo("rjct");
        assertThat(status.get("header").get("status_reason_message").asString()).contains("6 attempt(s)", "HTTP 500");
        assertThat(entries(status).get(0).get("data").get("reg_records").get(0).get("eligible").asBoolean())
                .as("the answer is not lost").isTrue();

        clock.advance(Duration.ofDays(8));
        assertThat(delivery.forgetUndelivered()).isPositive();
        assertThat(entries(syncTxnStatus(DciFixtures.partner(agreement), "transaction_id", transactionId)).get(0).has("data"))
                .as("kept for the retention only").isFalse();
    }

    @Test
    void aRedirectIsNotFollowed() {
        Agreement agreement = agreement(receiver);
        receiver.redirectTo(URI.create(elsewhere.baseUrl() + "/registry/on-search"));

        acknowledged(search(DciFixtures.partner(agreement), search()));
        delivery.deliverDue();

        assertThat(receiver.attempts()).isEqualTo(1);
        assertThat(elsewhere.attempts()).isZero();
        assertThat(jdbc.sql("SELECT last_error FROM dci_delivery WHERE agreement_id = :agreement")
                .param("agreement", agreement.id().value()).query(String.class).single()).contains("HTTP 307");
    }

    @Test
    void withoutARegisteredCallbackUrlNothingIsAnsweredAndTheSearchEndsRejected() {
        Agreement agreement = agreement(null);
        ObjectNode request = search();
        ((ObjectNode) request.get("header")).put("sender_uri", elsewhere.baseUrl() + "/registry/on-search");

        acknowledged(search(DciFixtures.partner(agreement), request));
        delivery.deliverDue();

        assertThat(disclosures(agreement)).isZero();
        assertThat(elsewhere.attempts()).isZero();
        JsonNode status = syncTxnStatus(DciFixtures.partner(agreement), "transaction_id",
                request.get("message").get("transaction_id").asString());
        assertThat(status.get("header").get("status").asString()).isEqualTo("rjct");
        assertThat(status.get("header").get("status_reason_message").asString()).contains("no callback URL");
        assertThat(entries(status).get(0).get("status").asString()).isEqualTo("rjct");
    }

    @Test
    void statusRequestsSeeOnlyTheCallersOwnSearches() {
        Agreement agreement = agreement(receiver);
        Agreement other = agreement(receiver);
        ObjectNode request = DciMessages.search(DciMessages.searchEntry("a", "CNIC", household.cnics().get(0)),
                DciMessages.searchEntry("b", "UIN", "TEST-001"));
        DciSpec.get().assertValidRequest("/registry/sync/search", DciMessages.text(request));
        String correlationId = gateway.syncSearch(DciFixtures.partner(agreement), bytes(request)).body().get("message")
                .get("correlation_id").asString();
        String transactionId = request.get("message").get("transaction_id").asString();

        JsonNode byTransaction = syncTxnStatus(DciFixtures.partner(agreement), "transaction_id", transactionId);
        JsonNode byCorrelation = syncTxnStatus(DciFixtures.partner(agreement), "correlation_id", correlationId);
        JsonNode byReference = syncTxnStatus(DciFixtures.partner(agreement), "reference_id_list",
                DciMessages.JSON.createArrayNode().add("b"));
        JsonNode ofAnother = syncTxnStatus(DciFixtures.partner(other), "transaction_id", transactionId);
        JsonNode unknown = syncTxnStatus(DciFixtures.partner(agreement), "transaction_id", "no-such-transaction");

        for (JsonNode status : List.of(byTransaction, byCorrelation)) {
            assertThat(status.get("header").get("action").asString()).isEqualTo("txn-on-status");
            assertThat(status.get("message").get("txnstatus_response").get("txn_type").asString()).isEqualTo("search");
            assertThat(status.get("message").get("txnstatus_response").get("txn_status").get("correlation_id").asString())
                    .isEqualTo(correlationId);
            assertThat(entries(status)).extracting(entry -> entry.get("status").asString()).containsExactly("succ", "rjct");
            assertThat(entries(status).get(1).get("status_reason_code").asString()).isEqualTo("rjct.search_criteria.invalid");
            assertThat(entries(status)).allSatisfy(entry -> assertThat(entry.has("data")).as("sync answers are not kept").isFalse());
        }
        assertThat(entries(byReference)).extracting(entry -> entry.get("reference_id").asString()).containsExactly("b");
        assertThat(entries(ofAnother)).isEmpty();
        assertThat(entries(unknown)).isEmpty();
        assertThat(ofAnother.get("header").get("status").asString()).isEqualTo(unknown.get("header").get("status").asString());
    }

    @Test
    void anAsyncStatusRequestIsAnsweredByATxnOnStatusCallback() {
        Agreement agreement = agreement(receiver);
        ObjectNode search = search();
        acknowledged(search(DciFixtures.partner(agreement), search));
        delivery.deliverDue();
        ObjectNode request = DciMessages.txnStatus("transaction_id", search.get("message").get("transaction_id"));
        DciSpec.get().assertValidRequest("/registry/txn/status", DciMessages.text(request));

        DciReply reply = gateway.txnStatus(DciFixtures.partner(agreement), bytes(request));
        String correlationId = acknowledged(reply);
        delivery.deliverDue();

        CallbackReceiver.Call call = receiver.await("/registry/txn/on-status", 1, Duration.ofSeconds(5)).get(0);
        DciSpec.get().assertValidRequest("/registry/txn/on-status", call.body());
        JsonNode callback = DciMessages.read(call.body());
        assertThat(callback.get("header").get("action").asString()).isEqualTo("txn-on-status");
        assertThat(callback.get("message").get("correlation_id").asString()).isEqualTo(correlationId);
        assertThat(callback.get("message").get("transaction_id")).isEqualTo(request.get("message").get("transaction_id"));
        assertThat(callback.get("message").get("txnstatus_response").get("txn_status").get("search_response")).hasSize(1);
    }

    @Test
    void answersHeldAboutAnErasedHouseholdAreWithdrawnNeitherSentNorShown() throws InterruptedException {
        Agreement agreement = agreement(receiver);
        Registered other = DciFixtures.register(households, today());
        DciFixtures.rescore(new TransactionTemplate(transactionManager), scores, other.id(), model);
        ObjectNode search = DciMessages.search(DciMessages.searchEntry("erased", "CNIC", household.cnics().get(0)),
                DciMessages.searchEntry("kept", "CNIC", other.cnics().get(0)),
                DciMessages.searchEntry("bad", "UIN", "TEST-001"));
        String searchId = acknowledged(search(DciFixtures.partner(agreement), search));
        String statusId = acknowledged(gateway.txnStatus(DciFixtures.partner(agreement), bytes(DciMessages.txnStatus(
                "correlation_id", DciMessages.JSON.getNodeFactory().stringNode(searchId)))));
        assertThat(heldAnswers(agreement)).as("two answers in the search's callback, two in the status callback").isEqualTo(4);

        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> erasure.erase(
                new Actor("dpo", Role.DPO, java.util.Set.of(), null), erasure.plan(List.of(household.id())),
                Purpose.LEGAL_COMPLIANCE));

        JsonNode shown = entries(syncTxnStatus(DciFixtures.partner(agreement), "correlation_id", searchId));
        assertWithdrawnFirst(shown);
        delivery.deliverDue(); // the scheduled delivery round may take either callback first
        JsonNode onSearch = DciMessages.read(receiver.await("/registry/on-search", 1, Duration.ofSeconds(5)).get(0).body());
        JsonNode onStatus = DciMessages.read(receiver.await("/registry/txn/on-status", 1, Duration.ofSeconds(5)).get(0).body());
        assertThat(PartnerSigner.signedByRegistry(onSearch, keyring.signingKeys().toPublicJWKSet(), "pk.registry.social",
                clock.instant())).isTrue();
        assertWithdrawnFirst(onSearch.get("message").get("search_response"));
        assertWithdrawnFirst(onStatus.get("message").get("txnstatus_response").get("txn_status").get("search_response"));
        DciSpec.get().assertValidRequest("/registry/on-search", receiver.callsTo("/registry/on-search").get(0).body());
        assertThat(entries(syncTxnStatus(DciFixtures.partner(agreement), "correlation_id", searchId)))
                .extracting(entry -> entry.get("status").asString()).containsExactly("rjct", "succ", "rjct");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (heldAnswers(agreement) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(heldAnswers(agreement)).as("forgotten with the delivered envelopes").isZero();
    }

    private long heldAnswers(Agreement agreement) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM dci_held_answer h JOIN dci_delivery d ON d.id = h.delivery_id
                WHERE d.agreement_id = :agreement""").param("agreement", agreement.id().value()).query(Long.class).single();
    }

    /** The erased household's answer withdrawn, the other household's kept, the rejected entry as it was. */
    private static void assertWithdrawnFirst(JsonNode searchResponse) {
        assertThat(searchResponse).hasSize(3);
        assertThat(searchResponse.get(0).get("reference_id").asString()).isEqualTo("erased");
        assertThat(searchResponse.get(0).get("status").asString()).isEqualTo("rjct");
        assertThat(searchResponse.get(0).get("status_reason_message").asString()).isEqualTo(ErasedAnswers.WITHDRAWN);
        assertThat(searchResponse.get(0).has("data")).isFalse();
        assertThat(searchResponse.get(0).has("status_reason_code")).isFalse();
        assertThat(searchResponse.get(1).get("status").asString()).isEqualTo("succ");
        assertThat(searchResponse.get(1).get("data").get("reg_records").get(0).get("eligible").asBoolean()).isTrue();
        assertThat(searchResponse.get(2).get("status_reason_code").asString()).isEqualTo("rjct.search_criteria.invalid");
    }

    @Test
    void anAsyncRequestThatBreaksTheStandardIsRefusedAsAWhole() {
        Actor partner = DciFixtures.partner(agreement(receiver));
        ObjectNode noZone = DciMessages.search(DciMessages.searchEntry("r", "CNIC", household.cnics().get(0))
                .put("timestamp", "2024-01-15T10:30:00"));
        ObjectNode badPage = search();
        ((ObjectNode) badPage.get("message").get("search_request").get(0)).putObject("pagination").put("page_size", 0);
        ObjectNode locale = DciMessages.search(DciMessages.searchEntry("r", "CNIC", household.cnics().get(0)).put("locale", "EN"));
        ObjectNode version = search();
        ((ObjectNode) version.get("header")).put("version", "2.0.0");
        ObjectNode[] many = new ObjectNode[101];
        java.util.Arrays.setAll(many, i -> DciMessages.searchEntry("r" + i, "CNIC", household.cnics().get(0)));

        for (ObjectNode request : List.of(noZone, badPage, locale, DciMessages.search(many))) {
            DciReply reply = gateway.search(partner, bytes(request));
            assertThat(reply.status()).isEqualTo(200);
            DciSpec.get().assertValidResponse("/registry/search", 200, reply.json());
            assertThat(reply.body().get("message").get("ack_status").asString()).isEqualTo("ERR");
            assertThat(reply.body().get("message").get("error").get("code").asString()).isEqualTo("err.request.bad");
        }
        assertThat(gateway.search(partner, bytes(version)).body().get("message").get("error").get("code").asString())
                .isEqualTo("err.version.not_supported");
        ObjectNode noMessage = search();
        noMessage.remove("message");
        assertThat(gateway.search(partner, bytes(noMessage)).status()).isEqualTo(400);
        delivery.deliverDue();
        assertThat(receiver.attempts()).isZero();
    }

    private Agreement agreement(@Nullable CallbackReceiver callbacks) {
        return DciFixtures.draft(programme.code(), today())
                .with(draft -> draft.callbackBaseUrl = callbacks == null ? null : callbacks.baseUrl()).save(partners);
    }

    private ObjectNode search() {
        return DciMessages.search(DciMessages.searchEntry("r", "CNIC", household.cnics().get(0)));
    }

    private DciReply search(Actor partner, ObjectNode request) {
        DciSpec.get().assertValidRequest("/registry/search", DciMessages.text(request));
        return gateway.search(partner, bytes(request));
    }

    /** The acknowledgement's correlation id, after checking it is a valid 202 ACK. */
    private static String acknowledged(DciReply reply) {
        assertThat(reply.status()).isEqualTo(202);
        DciSpec.get().assertValidResponse("/registry/search", 202, reply.json());
        assertThat(reply.body().get("message").get("ack_status").asString()).isEqualTo("ACK");
        assertThat(reply.body().get("message").has("error")).isFalse();
        return reply.body().get("message").get("correlation_id").asString();
    }

    private JsonNode syncTxnStatus(Actor partner, String attributeType, Object value) {
        ObjectNode request = DciMessages.txnStatus(attributeType, value instanceof JsonNode node ? node
                : DciMessages.JSON.getNodeFactory().stringNode(value.toString()));
        DciSpec.get().assertValidRequest("/registry/sync/txn/status", DciMessages.text(request));
        DciReply reply = gateway.syncTxnStatus(partner, bytes(request));
        assertThat(reply.status()).isEqualTo(200);
        DciSpec.get().assertValidResponse("/registry/sync/txn/status", 200, reply.json());
        return reply.body();
    }

    private static JsonNode entries(JsonNode status) {
        return status.get("message").get("txnstatus_response").get("txn_status").get("search_response");
    }

    private static byte[] bytes(ObjectNode request) {
        return DciMessages.text(request).getBytes(StandardCharsets.UTF_8);
    }

    private long disclosures(Agreement agreement) {
        return jdbc.sql("SELECT COUNT(*) FROM disclosure WHERE agreement_id = :agreement")
                .param("agreement", agreement.id().value()).query(Long.class).single();
    }
}
