package pk.registry.sharing.dci.testing;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * DCI requests as a partner sends them (the compliance suite's shape): an unsigned envelope
 * ({@code "signature": "unsigned-stub"}) with a {@code MsgHeader} and the message, to be changed
 * one field at a time by the test.
 */
public final class DciMessages {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String SENDER = "spmis.example.org";
    public static final String TIMESTAMP = "2025-06-01T10:15:30.000+05:00";

    private DciMessages() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public static ObjectNode header(String action, int totalCount) {
        ObjectNode header = JSON.createObjectNode();
        header.put("version", "1.0.0");
        header.put("message_id", newId());
        header.put("message_ts", TIMESTAMP);
        header.put("action", action);
        header.put("sender_id", SENDER);
        header.put("receiver_id", "pk.registry.social");
        header.put("total_count", totalCount);
        return header;
    }

    /** An {@code idtype-value} search entry. */
    public static ObjectNode searchEntry(String referenceId, String idType, String value) {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("reference_id", referenceId);
        entry.put("timestamp", TIMESTAMP);
        ObjectNode criteria = entry.putObject("search_criteria");
        criteria.put("query_type", "idtype-value");
        criteria.putObject("query").put("type", idType).put("value", value);
        return entry;
    }

    /** A search envelope with the entries (total_count their number). */
    public static ObjectNode search(ObjectNode... entries) {
        ObjectNode message = JSON.createObjectNode();
        message.put("transaction_id", newId());
        ArrayNode list = message.putArray("search_request");
        for (ObjectNode entry : entries) {
            list.add(entry);
        }
        return envelope(header("search", entries.length), message);
    }

    /** A txn-status envelope asking about a search by {@code transaction_id}, {@code correlation_id} or {@code reference_id_list}. */
    public static ObjectNode txnStatus(String attributeType, JsonNode attributeValue) {
        ObjectNode message = JSON.createObjectNode();
        message.put("transaction_id", newId());
        ObjectNode request = message.putObject("txnstatus_request");
        request.put("reference_id", newId());
        request.put("txn_type", "search");
        request.put("attribute_type", attributeType);
        request.set("attribute_value", attributeValue);
        return envelope(header("txn-status", 1), message);
    }

    /** A subscribe entry following the holder of a CNIC. */
    public static ObjectNode subscribeEntry(String referenceId, String cnic) {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("reference_id", referenceId);
        entry.put("timestamp", TIMESTAMP);
        ObjectNode criteria = entry.putObject("subscribe_criteria");
        criteria.put("reg_event_type", "UPDATE");
        criteria.put("filter_type", "idtype-value");
        criteria.putObject("filter").put("type", "CNIC").put("value", cnic);
        criteria.put("notify_record_type", "ns:pk:RegistryRecordType:EligibilityAnswer");
        return entry;
    }

    public static ObjectNode subscribe(ObjectNode... entries) {
        ObjectNode message = JSON.createObjectNode();
        message.put("transaction_id", newId());
        ArrayNode list = message.putArray("subscribe_request");
        for (ObjectNode entry : entries) {
            list.add(entry);
        }
        return envelope(header("subscribe", entries.length), message);
    }

    public static ObjectNode unsubscribe(String... codes) {
        ObjectNode message = JSON.createObjectNode();
        message.put("transaction_id", newId());
        message.put("timestamp", TIMESTAMP);
        ArrayNode list = message.putArray("subscription_codes");
        for (String code : codes) {
            list.add(code);
        }
        return envelope(header("unsubscribe", codes.length), message);
    }

    /** The request as a new message: a copy under a new {@code message_id} (the registry answers each id once). */
    public static ObjectNode anew(ObjectNode request) {
        ObjectNode copy = request.deepCopy();
        ((ObjectNode) copy.get("header")).put("message_id", newId());
        return copy;
    }

    public static ObjectNode envelope(ObjectNode header, ObjectNode message) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("signature", "unsigned-stub");
        envelope.set("header", header);
        envelope.set("message", message);
        return envelope;
    }

    public static String text(JsonNode node) {
        return JSON.writeValueAsString(node);
    }

    public static JsonNode read(String text) {
        return JSON.readTree(text);
    }

    /** The time a test clock shows, as the standard writes times. */
    public static String timestamp(Instant at) {
        return at.toString();
    }
}
