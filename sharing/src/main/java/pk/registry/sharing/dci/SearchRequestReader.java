package pk.registry.sharing.dci;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import pk.registry.household.Cnic;
import pk.registry.sharing.VerificationQuery;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a {@code SearchRequest}'s entries into questions and rejections. An entry is answered
 * when it is well-formed (reference id, timestamp with its zone, ISO 639-3 locale, criteria with a
 * query type and query, pagination of at least 1), its reference id is new in the request, its
 * query is {@code idtype-value} naming a CNIC, and a programme and purpose can be chosen
 * ({@link Mandate}). Other query types ({@code expression}, {@code predicate}, …) are rejected
 * {@code rjct.search_criteria.invalid}.
 */
final class SearchRequestReader {

    static final String ID_TYPE_VALUE = "idtype-value";

    private SearchRequestReader() {
    }

    /**
     * The message's {@code search_request} entries.
     * @throws EnvelopeRejectedException (400) if there is no such array
     */
    static ArrayNode entries(ObjectNode message) {
        JsonNode entries = message.get("search_request");
        if (entries == null || !entries.isArray()) {
            throw new EnvelopeRejectedException(DciReply.badRequest("message.search_request is required and must be an array"));
        }
        return (ArrayNode) entries;
    }

    /** One verdict per entry, in the request's order. */
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
            ItemChecks.pagination(entry.get("pagination"));
            JsonNode criteria = entry.get("search_criteria");
            if (criteria == null || !criteria.isObject() || Json.string(criteria, "query_type") == null
                    || !criteria.has("query")) {
                throw new ItemProblem(Reason.CRITERIA_MALFORMED, "search_criteria needs a query_type and a query");
            }
            ItemChecks.pagination(criteria.get("pagination"));
            if (!seen.add(referenceId)) {
                throw new ItemProblem(Reason.REFERENCE_ID_DUPLICATE, "reference_id is used by an earlier entry");
            }
            if (!ID_TYPE_VALUE.equals(Json.string(criteria, "query_type"))) {
                throw new ItemProblem(Reason.CRITERIA_UNANSWERABLE, "only idtype-value queries by national id are answered");
            }
            Cnic cnic = PersonIdentifier.cnicOf(criteria.get("query"), Reason.CRITERIA_UNANSWERABLE);
            Mandate mandate = Mandate.choose(envelope.agreement(), envelope.header().programme(),
                    Mandate.purposeCode(criteria), Reason.CRITERIA_UNANSWERABLE);
            return new ItemVerdict.Question(position, referenceId,
                    new VerificationQuery(cnic, mandate.programme(), mandate.purpose()));
        }
        catch (ItemProblem problem) {
            return new ItemVerdict.Rejection(position, sent, problem.reason(), problem.getMessage());
        }
    }

    /** The first malformed entry's place and why, which refuses an asynchronous request as a whole. */
    static Optional<String> firstMalformed(List<ItemVerdict> verdicts, String arrayName) {
        return verdicts.stream().filter(ItemVerdict.Rejection.class::isInstance).map(ItemVerdict.Rejection.class::cast)
                .filter(rejection -> rejection.reason().malformed()).findFirst()
                .map(rejection -> "message." + arrayName + "[" + rejection.position() + "]: " + rejection.reason().code()
                        + ": " + rejection.message());
    }
}
