package pk.registry.sharing.dci;

import pk.registry.kernel.Actor;
import pk.registry.sharing.Agreement;
import tools.jackson.databind.node.ObjectNode;

/**
 * A partner's request whose envelope was read and whose signature holds (if its agreement
 * requires one), under an agreement usable today.
 */
record InboundEnvelope(Actor partner, Agreement agreement, RequestHeader header, ObjectNode message) {

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
