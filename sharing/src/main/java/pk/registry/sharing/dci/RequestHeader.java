package pk.registry.sharing.dci;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A request's {@code MsgHeader}: what the registry reads of it.
 *
 * @param senderId the partner's DCI id, which must be the one registered with its agreement ({@link Envelopes}):
 *        {@code receiver_id} of the answer, first part of its signatures' kidId
 * @param receiverId whom the partner addressed the message to, if it said: when given, it must be the registry's own
 *        DCI id ({@link Envelopes})
 * @param senderUri where the partner wants its callback; honoured only under the agreement's registered base URL
 * @param programme {@code meta.programme}: the programme asked about, if the agreement has several
 */
record RequestHeader(String version, String messageId, String messageTs, String action, String senderId,
        @Nullable String receiverId, @Nullable String senderUri, int totalCount, @Nullable String programme) {

    static final String VERSION = "1.0.0";

    /** A header-level refusal: the standard's {@code MsgHeaderStatusReasonCode} and why. */
    record Rejection(String reasonCode, String message) {
    }

    /**
     * Reads the header.
     * @throws EnvelopeRejectedException (400) if a required field is missing or of the wrong type
     */
    static RequestHeader read(ObjectNode header) {
        String version = header.has("version") ? required(header, "version") : VERSION;
        String senderId = required(header, "sender_id");
        if (senderId.length() > 100) {
            throw bad("header.sender_id must be at most 100 characters");
        }
        JsonNode total = header.get("total_count");
        if (total == null || !total.isIntegralNumber() || !total.canConvertToInt()) {
            throw bad("header.total_count is required and must be an integer");
        }
        if (header.has("is_msg_encrypted") && header.get("is_msg_encrypted").asBoolean(false)) {
            throw new EnvelopeRejectedException(DciReply.badRequest("encrypted messages are not supported"));
        }
        String receiverId = optional(header, "receiver_id");
        String senderUri = optional(header, "sender_uri");
        ObjectNode meta = Json.object(header, "meta");
        String programme = meta == null ? null : optional(meta, "programme");
        return new RequestHeader(version, required(header, "message_id"), required(header, "message_ts"),
                required(header, "action"), senderId, receiverId, senderUri, total.intValue(), programme);
    }

    /**
     * Why the header refuses the request, if it does: another version, another action, a time
     * without its zone, more entries than allowed, or a count that is not the entries'.
     */
    Optional<Rejection> check(String expectedAction, int entries, int maxEntries) {
        if (!VERSION.equals(version)) {
            return Optional.of(new Rejection("rjct.version.invalid", "only version " + VERSION + " is supported"));
        }
        if (!expectedAction.equals(action)) {
            return Optional.of(new Rejection("rjct.action.invalid", "this endpoint's action is " + expectedAction));
        }
        if (!Json.isTimestamp(messageTs)) {
            return Optional.of(new Rejection("rjct.message_ts.invalid", "message_ts must be an RFC 3339 date-time with its zone"));
        }
        if (entries > maxEntries) {
            return Optional.of(new Rejection("rjct.total_count.limit_exceeded", "at most " + maxEntries + " entries per message"));
        }
        if (totalCount != entries) {
            return Optional.of(new Rejection("rjct.total_count.invalid", "total_count must be the number of entries"));
        }
        return Optional.empty();
    }

    private static String required(ObjectNode header, String field) {
        String value = Json.string(header, field);
        if (value == null || value.isBlank()) {
            throw bad("header." + field + " is required and must be a non-empty string");
        }
        return value;
    }

    private static @Nullable String optional(ObjectNode node, String field) {
        if (!node.has(field) || node.get(field).isNull()) {
            return null;
        }
        String value = Json.string(node, field);
        if (value == null) {
            throw bad(field + " must be a string");
        }
        return value;
    }

    private static EnvelopeRejectedException bad(String message) {
        return new EnvelopeRejectedException(DciReply.badRequest(message));
    }
}
