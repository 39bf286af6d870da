package pk.registry.sharing.dci;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import pk.registry.kernel.Actor;
import pk.registry.sharing.Agreement;
import pk.registry.sharing.dci.testing.DciMessages;
import pk.registry.sharing.dci.testing.DciSpec;
import pk.testsupport.RegistryModuleTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ids a DCI partner chooses ({@code transaction_id}, {@code reference_id}, a path of its own
 * under its callback base as {@code sender_uri}) may hold anything, a CNIC too: after a partner used every endpoint with ids of its own, no column of any table holds
 * one of them in clear, as text or within bytes (the way {@code LeakScanFunctionalTests} searches
 * the files, here column by column). The status requests still find a search by each of its ids and
 * carry them back, within the caller's agreement only: the same ids under two agreements are two
 * different tokens. Callbacks are queued to an unused loopback port and never delivered here.
 */
@RegistryModuleTest
class DciPartnerIdsIntegrationTests extends EligibleHouseholdTests {

    private static final String CALLBACK_BASE = "http://127.0.0.1:9/dci";

    @Test
    void noColumnHoldsAnIdAPartnerChoseInClear() {
        Agreement agreement = agreement();
        Actor partner = DciFixtures.partner(agreement);
        String cnic = household.cnics().get(0);
        List<String> ids = new ArrayList<>();

        String answered = id(ids, "ref-sync-" + cnic);
        String rejected = id(ids, "ref-rejected");
        ObjectNode sync = DciMessages.search(DciMessages.searchEntry(answered, "CNIC", cnic),
                DciMessages.searchEntry(rejected, "UIN", "TEST-001"));
        transactionId(sync, id(ids, "txn-sync-" + cnic));
        String correlationId = send("/registry/sync/search", partner, sync).body().get("message").get("correlation_id")
                .asString();
        ObjectNode async = DciMessages.search(DciMessages.searchEntry(id(ids, "ref-async"), "CNIC", cnic));
        transactionId(async, id(ids, "txn-async"));
        ((ObjectNode) async.get("header")).put("sender_uri", CALLBACK_BASE + "/cases/" + id(ids, "case-" + cnic));
        ObjectNode status = DciMessages.txnStatus("transaction_id", DciMessages.JSON.getNodeFactory()
                .stringNode(transactionIdOf(sync)));
        transactionId(status, id(ids, "txn-status"));
        ((ObjectNode) status.get("message").get("txnstatus_request")).put("reference_id", id(ids, "ref-status"));
        ObjectNode subscribe = DciMessages.subscribe(DciMessages.subscribeEntry(id(ids, "ref-subscribe"), cnic));
        transactionId(subscribe, id(ids, "txn-subscribe"));
        ObjectNode unsubscribe = DciMessages.unsubscribe("sub-test-001");
        transactionId(unsubscribe, id(ids, "txn-unsubscribe"));
        for (String path : List.of("/registry/search", "/registry/txn/status", "/registry/subscribe", "/registry/unsubscribe")) {
            ObjectNode request = switch (path) {
                case "/registry/search" -> async;
                case "/registry/txn/status" -> status;
                case "/registry/subscribe" -> subscribe;
                default -> unsubscribe;
            };
            assertThat(send(path, partner, request).status()).as(path).isEqualTo(202);
        }
        assertThat(transactions(agreement)).as("every request recorded").isEqualTo(5);

        for (String id : ids) {
            assertThat(columnsHolding(id.getBytes(StandardCharsets.UTF_8))).as("columns holding %s", id).isEmpty();
        }
        assertThat(columnsHolding(correlationId.getBytes(StandardCharsets.UTF_8))).as("control: text columns are searched")
                .contains("DCI_TRANSACTION.CORRELATION_ID");
        byte[] token = jdbc.sql("SELECT transaction_token FROM dci_transaction WHERE correlation_id = :id")
                .param("id", correlationId).query((rs, row) -> rs.getBytes(1)).single();
        assertThat(columnsHolding(token)).as("control: binary columns are searched")
                .contains("DCI_TRANSACTION.TRANSACTION_TOKEN");

        JsonNode found = syncTxnStatus(partner, "correlation_id", correlationId);
        assertThat(txnStatus(found).get("transaction_id").asString()).as("carried back").isEqualTo(transactionIdOf(sync));
        assertThat(txnStatus(found).get("search_response")).extracting(entry -> entry.get("reference_id").asString())
                .containsExactly(answered, rejected);
    }

    @Test
    void theSameIdsUnderTwoAgreementsAreKeptApartByEveryLookUp() {
        Agreement agreement = agreement();
        Agreement other = agreement();
        String transactionId = "txn-" + UUID.randomUUID();
        String own = search(agreement, transactionId, "first", "second");
        String others = search(other, transactionId, "first", "second");

        for (Agreement asker : List.of(agreement, other)) {
            String mine = asker == agreement ? own : others;
            String theirs = asker == agreement ? others : own;
            Actor partner = DciFixtures.partner(asker);
            JsonNode byTransaction = syncTxnStatus(partner, "transaction_id", transactionId);
            JsonNode byReference = syncTxnStatus(partner, "reference_id_list", DciMessages.JSON.createArrayNode().add("second"));
            JsonNode byCorrelation = syncTxnStatus(partner, "correlation_id", mine);
            JsonNode ofTheOther = syncTxnStatus(partner, "correlation_id", theirs);

            for (JsonNode status : List.of(byTransaction, byReference, byCorrelation)) {
                assertThat(txnStatus(status).get("correlation_id").asString()).as(asker.id() + "'s own search").isEqualTo(mine);
                assertThat(txnStatus(status).get("transaction_id").asString()).isEqualTo(transactionId);
            }
            assertThat(txnStatus(byTransaction).get("search_response")).extracting(entry -> entry.get("reference_id")
                    .asString()).containsExactly("first", "second");
            assertThat(txnStatus(byReference).get("search_response")).extracting(entry -> entry.get("reference_id")
                    .asString()).containsExactly("second");
            assertThat(txnStatus(ofTheOther).get("search_response")).as("another agreement's search").isEmpty();
            assertThat(txnStatus(ofTheOther).get("correlation_id").asString()).isNotEqualTo(theirs);
        }
        assertThat(tokens("SELECT transaction_token FROM dci_transaction WHERE correlation_id IN (:ids)", own, others))
                .as("one transaction id, two agreements: two tokens").doesNotHaveDuplicates().hasSize(2);
        assertThat(tokens("SELECT reference_token FROM dci_reference WHERE correlation_id IN (:ids)", own, others))
                .as("two reference ids, two agreements: four tokens").doesNotHaveDuplicates().hasSize(4);
    }

    /** A synchronous search under the agreement with these ids; its correlation id. */
    private String search(Agreement agreement, String transactionId, String... referenceIds) {
        ObjectNode[] entries = Arrays.stream(referenceIds)
                .map(reference -> DciMessages.searchEntry(reference, "CNIC", household.cnics().get(0))).toArray(ObjectNode[]::new);
        ObjectNode request = DciMessages.search(entries);
        transactionId(request, transactionId);
        return send("/registry/sync/search", DciFixtures.partner(agreement), request).body().get("message")
                .get("correlation_id").asString();
    }

    /** An id no other test uses, noted as one the registry must not keep in clear. */
    private static String id(List<String> ids, String prefix) {
        String id = prefix + "-" + UUID.randomUUID();
        ids.add(id);
        return id;
    }

    private static void transactionId(ObjectNode request, String transactionId) {
        ((ObjectNode) request.get("message")).put("transaction_id", transactionId);
    }

    private static String transactionIdOf(ObjectNode request) {
        return request.get("message").get("transaction_id").asString();
    }

    /**
     * Every column, of every table, that holds the bytes in a row: text columns as their UTF-8
     * bytes, binary columns and large objects as stored.
     */
    private List<String> columnsHolding(byte[] wanted) {
        List<String> tables = jdbc.sql("""
                SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'""")
                .query(String.class).list();
        assertThat(tables).as("the tables").contains("DCI_TRANSACTION", "DCI_REFERENCE", "DCI_DELIVERY", "DISCLOSURE");
        List<String> holding = new ArrayList<>();
        for (String table : tables) {
            jdbc.sql("SELECT * FROM \"" + table + "\"").query(rs -> {
                ResultSetMetaData columns = rs.getMetaData();
                for (int column = 1; column <= columns.getColumnCount(); column++) {
                    String name = table + "." + columns.getColumnName(column);
                    if (!holding.contains(name) && indexOf(bytes(rs.getObject(column)), wanted) >= 0) {
                        holding.add(name);
                    }
                }
            });
        }
        return holding;
    }

    private static byte[] bytes(Object value) throws SQLException {
        if (value instanceof byte[] binary) {
            return binary;
        }
        if (value instanceof Blob blob) {
            return blob.getBytes(1, (int) blob.length());
        }
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length()).getBytes(StandardCharsets.UTF_8);
        }
        return value == null ? new byte[0] : value.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int start = 0; start <= haystack.length - needle.length; start++) {
            for (int i = 0; i < needle.length; i++) {
                if (haystack[start + i] != needle[i]) {
                    continue outer;
                }
            }
            return start;
        }
        return -1;
    }

    private List<String> tokens(String sql, String... correlationIds) {
        return jdbc.sql(sql).param("ids", List.of(correlationIds))
                .query((rs, row) -> HexFormat.of().formatHex(rs.getBytes(1))).list();
    }

    /** An agreement with a callback base URL (on a port nothing listens to), so that async requests are queued. */
    private Agreement agreement() {
        return DciFixtures.draft(programme.code(), today())
                .with(draft -> draft.callbackBaseUrl = URI.create(CALLBACK_BASE)).save(partners);
    }

    private DciReply send(String path, Actor partner, ObjectNode request) {
        DciReply reply = DciFixtures.send(gateway, path, partner, request);
        DciSpec.get().assertValidResponse(path, reply.status(), reply.json());
        return reply;
    }

    private JsonNode syncTxnStatus(Actor partner, String attributeType, Object value) {
        ObjectNode request = DciMessages.txnStatus(attributeType, value instanceof JsonNode node ? node
                : DciMessages.JSON.getNodeFactory().stringNode(value.toString()));
        DciReply reply = send("/registry/sync/txn/status", partner, request);
        assertThat(reply.status()).isEqualTo(200);
        return reply.body();
    }

    private static JsonNode txnStatus(JsonNode status) {
        return status.get("message").get("txnstatus_response").get("txn_status");
    }

    private long transactions(Agreement agreement) {
        return jdbc.sql("SELECT COUNT(*) FROM dci_transaction WHERE agreement_id = :agreement")
                .param("agreement", agreement.id().value()).query(Long.class).single();
    }
}
