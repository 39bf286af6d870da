package pk.registry.sharing.dci;

import java.util.Optional;

import pk.registry.kernel.Actor;
import pk.registry.sharing.Agreement;
import tools.jackson.databind.node.ObjectNode;

/**
 * A partner's request whose envelope was read and whose signature holds (if its agreement
 * requires one), under an agreement usable today.
 *
 * @param sentBefore whether the agreement sent its {@code message_id} before ({@link MessageIds})
 */
record InboundEnvelope(Actor partner, Agreement agreement, RequestHeader header, ObjectNode message, boolean sentBefore) {

    private static final RequestHeader.Rejection DUPLICATE = new RequestHeader.Rejection("rjct.message_id.duplicate",
            "this sender has sent header.message_id before: a new message needs a new id");

    /**
     * Why the header refuses the request, if it does: what {@link RequestHeader#check} finds, else
     * a message id sent before.
     */
    Optional<RequestHeader.Rejection> check(String expectedAction, int entries, int maxEntries) {
        return header.check(expectedAction, entries, maxEntries).or(() -> sentBefore ? Optional.of(DUPLICATE) : Optional.empty());
    }

    /**
     * The message's {@code transaction_id}.
     * @throws EnvelopeRejectedException (400) if it is missing, empty or longer than 99 characters
     */
    String transactionId() {
        String transactionId = Json.string(message, "transaction_id");
        if (transactionId == null || transactionId.isBlank() || transactionId.length() > 99) {
            throw new EnvelopeRejectedException(DciReply.badRequest(
                    "message.transaction_id is required: a string of 1 to 99 characters"));
        }
        return transactionId;
    }

    @Override
    public String toString() {
        return "InboundEnvelope[" + agreement.id() + ", " + header.action() + "]";
    }
}
