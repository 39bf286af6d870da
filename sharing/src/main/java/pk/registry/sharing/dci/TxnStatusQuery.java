package pk.registry.sharing.dci;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@code TxnStatusRequest}'s question: which transaction, by its {@code transaction_id}, the
 * registry's {@code correlation_id}, or a list of entries' reference ids.
 *
 * @param txnType {@code search}, {@code subscribe} or {@code receipt} (only searches are reported)
 * @param attributeType {@code transaction_id}, {@code correlation_id} or {@code reference_id_list}
 * @param values the one id looked for, or the reference ids
 */
record TxnStatusQuery(String referenceId, String txnType, String attributeType, List<String> values) {

    private static final Set<String> TXN_TYPES = Set.of("search", "subscribe", "receipt");
    private static final Set<String> ATTRIBUTE_TYPES = Set.of("transaction_id", "correlation_id", "reference_id_list");

    /** @throws EnvelopeRejectedException (400) unless the message holds a well-formed {@code txnstatus_request} */
    static TxnStatusQuery read(ObjectNode message) {
        ObjectNode request = Json.object(message, "txnstatus_request");
        if (request == null) {
            throw bad("message.txnstatus_request is required and must be an object");
        }
        String referenceId = Json.string(request, "reference_id");
        String txnType = Json.string(request, "txn_type");
        String attributeType = Json.string(request, "attribute_type");
        if (referenceId == null || referenceId.isBlank() || txnType == null || !TXN_TYPES.contains(txnType)
                || attributeType == null || !ATTRIBUTE_TYPES.contains(attributeType)) {
            throw bad("txnstatus_request needs a reference_id, a txn_type (search, subscribe, receipt) and an attribute_type "
                    + "(transaction_id, correlation_id, reference_id_list)");
        }
        return new TxnStatusQuery(referenceId, txnType, attributeType, values(request.get("attribute_value"),
                "reference_id_list".equals(attributeType)));
    }

    private static List<String> values(JsonNode value, boolean list) {
        List<String> values = new ArrayList<>();
        if (value != null && list && value.isArray()) {
            value.forEach(item -> values.add(item.isString() ? item.stringValue() : ""));
        }
        else if (value != null && !list && value.isString()) {
            values.add(value.stringValue());
        }
        if (values.isEmpty() || values.size() > 100 || values.stream().anyMatch(item -> item.isBlank() || item.length() > 99)) {
            throw bad(list ? "attribute_value must be a list of 1 to 100 reference ids of 1 to 99 characters"
                    : "attribute_value must be a string of 1 to 99 characters");
        }
        return List.copyOf(values);
    }

    private static EnvelopeRejectedException bad(String message) {
        return new EnvelopeRejectedException(DciReply.badRequest(message));
    }
}
