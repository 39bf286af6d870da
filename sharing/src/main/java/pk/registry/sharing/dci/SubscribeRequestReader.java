package pk.registry.sharing.dci;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import pk.registry.household.Cnic;
import pk.registry.sharing.VerificationQuery;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a {@code SubscribeRequest}'s entries. An entry is a question to follow when it is
 * well-formed (reference id, timestamp with its zone, {@code subscribe_criteria} with a
 * {@code reg_event_type}, {@code filter} and {@code notify_record_type}), its reference id is new
 * in the request, its filter type is {@code idtype-value} (or none) with a filter naming a CNIC,
 * and a programme and purpose can be chosen ({@link Mandate}).
 */
final class SubscribeRequestReader {

    private SubscribeRequestReader() {
    }

    /** @throws EnvelopeRejectedException (400) if there is no {@code subscribe_request} array */
    static ArrayNode entries(ObjectNode message) {
        JsonNode entries = message.get("subscribe_request");
        if (entries == null || !entries.isArray()) {
            throw new EnvelopeRejectedException(DciReply.badRequest("message.subscribe_request is required and must be an array"));
        }
        return (ArrayNode) entries;
    }

    static List<ItemVerdict> read(InboundEnvelope envelope, ArrayNode entries) {
        List<ItemVerdict> verdicts = new ArrayList<>(entries.size());
        Set<String> seen = new HashSet<>();
        for (int position = 0; position < entries.size(); position++) {
            verdicts.add(read(envelope, entries.get(position), position, seen));
        }
        return verdicts;
    }

    private static ItemVerdict read(InboundEnvelope envelope, JsonNode entry, int position, Set<String> seen) {
        String sent = ItemChecks.referenceIdAsSent(entry);
        try {
            String referenceId = ItemChecks.referenceId(entry);
            ItemChecks.timestamp(entry);
            ItemChecks.locale(entry);
            JsonNode criteria = entry.get("subscribe_criteria");
            if (criteria == null || !criteria.isObject() || Json.string(criteria, "reg_event_type") == null
                    || Json.string(criteria, "notify_record_type") == null || !criteria.has("filter")) {
                throw new ItemProblem(Reason.NOTIFY_DETAILS_MALFORMED,
                        "subscribe_criteria needs a reg_event_type, a filter and a notify_record_type");
            }
            if (!seen.add(referenceId)) {
                throw new ItemProblem(Reason.REFERENCE_ID_DUPLICATE, "reference_id is used by an earlier entry");
            }
            String filterType = Json.string(criteria, "filter_type");
            if (criteria.has("filter_type") && !SearchRequestReader.ID_TYPE_VALUE.equals(filterType)) {
                throw new ItemProblem(Reason.NOTIFY_DETAILS_UNSUPPORTED, "only idtype-value filters by national id are followed");
            }
            Cnic cnic = PersonIdentifier.cnicOf(criteria.get("filter"), Reason.PERSON_ID_INVALID);
            Mandate mandate = Mandate.choose(envelope.agreement(), envelope.header().programme(),
                    Mandate.purposeCode(criteria), Reason.NOTIFY_DETAILS_UNSUPPORTED);
            return new ItemVerdict.Question(position, referenceId,
                    new VerificationQuery(cnic, mandate.programme(), mandate.purpose()));
        }
        catch (ItemProblem problem) {
            return new ItemVerdict.Rejection(position, sent, problem.reason(), problem.getMessage());
        }
    }
}
