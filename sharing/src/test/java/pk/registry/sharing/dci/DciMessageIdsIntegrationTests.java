package pk.registry.sharing.dci;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import pk.registry.kernel.Actor;
import pk.registry.sharing.Agreement;
import pk.registry.sharing.dci.testing.DciMessages;
import pk.registry.sharing.dci.testing.DciSpec;
import pk.testsupport.RegistryModuleTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@code message_id} is answered once per agreement: a message sent again (a gateway's retry, a
 * captured request replayed) is the standard's {@code rjct.message_id.duplicate}, and nothing more
 * is disclosed; a request refused or failed leaves its id unused.
 */
@RegistryModuleTest
class DciMessageIdsIntegrationTests extends EligibleHouseholdTests {

    @Test
    void aSearchSentAgainIsRefusedAsADuplicateAndDisclosesNothingMore() {
        Agreement agreement = DciFixtures.draft(programme.code(), today()).save(partners);
        Actor partner = DciFixtures.partner(agreement);
        byte[] request = bytes(search());

        JsonNode first = syncSearch(partner, request);
        JsonNode again = syncSearch(partner, request);

        assertThat(first.get("header").get("status").asString()).isEqualTo("succ");
        assertThat(again.get("header").get("status").asString()).isEqualTo("rjct");
        assertThat(again.get("header").get("status_reason_code").asString()).isEqualTo("rjct.message_id.duplicate");
        assertThat(again.get("message").get("search_response")).isEmpty();
        assertThat(disclosures(agreement)).isEqualTo(1);
    }

    @Test
    void theSameQuestionUnderANewMessageIdIsAnsweredAndAnotherAgreementsIdsAreItsOwn() {
        Agreement agreement = DciFixtures.draft(programme.code(), today()).save(partners);
        Agreement other = DciFixtures.draft(programme.code(), today()).save(partners);
        ObjectNode request = search();
        syncSearch(DciFixtures.partner(agreement), bytes(request));

        JsonNode retried = syncSearch(DciFixtures.partner(agreement), bytes(DciMessages.anew(request)));
        JsonNode otherAgreement = syncSearch(DciFixtures.partner(other), bytes(request));

        assertThat(retried.get("header").get("status").asString()).isEqualTo("succ");
        assertThat(otherAgreement.get("header").get("status").asString()).isEqualTo("succ");
        assertThat(disclosures(agreement)).isEqualTo(2);
        assertThat(disclosures(other)).isEqualTo(1);
    }

    @Test
    void aRequestRefusedAsAWholeLeavesItsMessageIdToBeSentAgain() {
        Agreement agreement = DciFixtures.draft(programme.code(), today()).save(partners);
        Actor partner = DciFixtures.partner(agreement);
        ObjectNode request = search();
        ObjectNode broken = request.deepCopy();
        ((ObjectNode) broken.get("message")).remove("transaction_id");

        DciReply refused = gateway.syncSearch(partner, bytes(broken));
        JsonNode corrected = syncSearch(partner, bytes(request));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(corrected.get("header").get("status").asString()).isEqualTo("succ");
        assertThat(messageIds(agreement)).isEqualTo(1);
    }

    @Test
    void asynchronousRequestsSentAgainAreRefusedWithoutBeingTakenUp() {
        Agreement agreement = DciFixtures.draft(programme.code(), today()).save(partners);
        Actor partner = DciFixtures.partner(agreement);
        byte[] search = bytes(search());
        byte[] status = bytes(DciMessages.txnStatus("transaction_id", DciMessages.JSON.getNodeFactory().stringNode("t-1")));

        assertThat(gateway.search(partner, search).status()).isEqualTo(202);
        long transactions = transactions(agreement);
        DciReply again = gateway.search(partner, search);
        assertThat(gateway.txnStatus(partner, status).status()).isEqualTo(202);
        DciReply statusAgain = gateway.txnStatus(partner, status);

        for (DciReply reply : List.of(again, statusAgain)) {
            assertThat(reply.status()).isEqualTo(200);
            JsonNode message = reply.body().get("message");
            assertThat(message.get("ack_status").asString()).isEqualTo("ERR");
            assertThat(message.get("error").get("code").asString()).isEqualTo("err.request.bad");
            assertThat(message.get("error").get("message").asString()).startsWith("rjct.message_id.duplicate");
        }
        DciSpec.get().assertValidResponse("/registry/search", 200, again.json());
        assertThat(transactions(agreement)).as("only the status request's own record").isEqualTo(transactions + 1);
        assertThat(disclosures(agreement)).isZero();
    }

    @Test
    void aSynchronousStatusRequestSentAgainIsRefusedInItsHeader() {
        Agreement agreement = DciFixtures.draft(programme.code(), today()).save(partners);
        Actor partner = DciFixtures.partner(agreement);
        byte[] status = bytes(DciMessages.txnStatus("transaction_id", DciMessages.JSON.getNodeFactory().stringNode("t-1")));

        JsonNode first = gateway.syncTxnStatus(partner, status).body();
        DciReply again = gateway.syncTxnStatus(partner, status);

        assertThat(first.get("header").get("status").asString()).isEqualTo("succ");
        assertThat(again.body().get("header").get("status").asString()).isEqualTo("rjct");
        assertThat(again.body().get("header").get("status_reason_code").asString()).isEqualTo("rjct.message_id.duplicate");
        DciSpec.get().assertValidResponse("/registry/sync/txn/status", 200, again.json());
    }

    /** Sent four times at once: one is answered, the others wait for it and are refused, whatever the order. */
    @Test
    void aMessageSentSeveralTimesAtOnceIsAnsweredOnce() throws Exception {
        Agreement agreement = DciFixtures.draft(programme.code(), today()).save(partners);
        Actor partner = DciFixtures.partner(agreement);
        byte[] request = bytes(search());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            List<Future<DciReply>> replies = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                replies.add(senders.submit(() -> {
                    start.await();
                    return gateway.syncSearch(partner, request);
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<DciReply> reply : replies) {
                JsonNode header = reply.get().body().get("header");
                outcomes.add(header.get("status").asString() + (header.has("status_reason_code")
                        ? " " + header.get("status_reason_code").asString() : ""));
            }

            assertThat(outcomes).containsExactlyInAnyOrder("succ", "rjct rjct.message_id.duplicate",
                    "rjct rjct.message_id.duplicate", "rjct rjct.message_id.duplicate");
            assertThat(disclosures(agreement)).isEqualTo(1);
        }
        finally {
            senders.shutdownNow();
        }
    }

    @Test
    void theMessageIdIsKeptOnlyAsAKeyedToken() {
        Agreement agreement = DciFixtures.draft(programme.code(), today()).save(partners);
        ObjectNode request = search();
        String messageId = "msg " + household.cnics().get(0);
        ((ObjectNode) request.get("header")).put("message_id", messageId);

        syncSearch(DciFixtures.partner(agreement), bytes(request));

        byte[] token = jdbc.sql("SELECT message_token FROM dci_message WHERE agreement_id = :agreement")
                .param("agreement", agreement.id().value()).query(byte[].class).single();
        assertThat(token).hasSize(32);
        assertThat(new String(token, StandardCharsets.ISO_8859_1)).doesNotContain(household.cnics().get(0));
    }

    private ObjectNode search() {
        return DciMessages.search(DciMessages.searchEntry("r", "CNIC", household.cnics().get(0)));
    }

    private JsonNode syncSearch(Actor partner, byte[] request) {
        DciReply reply = gateway.syncSearch(partner, request);
        assertThat(reply.status()).isEqualTo(200);
        DciSpec.get().assertValidResponse("/registry/sync/search", 200, reply.json());
        return reply.body();
    }

    private static byte[] bytes(ObjectNode request) {
        return DciMessages.text(request).getBytes(StandardCharsets.UTF_8);
    }

    private long disclosures(Agreement agreement) {
        return count("disclosure", agreement);
    }

    private long transactions(Agreement agreement) {
        return count("dci_transaction", agreement);
    }

    private long messageIds(Agreement agreement) {
        return count("dci_message", agreement);
    }

    private long count(String table, Agreement agreement) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE agreement_id = :agreement")
                .param("agreement", agreement.id().value()).query(Long.class).single();
    }
}
