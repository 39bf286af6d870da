package pk.registry.sharing.dci;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import pk.registry.kernel.Actor;
import pk.registry.sharing.Agreement;
import pk.registry.sharing.AgreementRefusedException;
import pk.registry.sharing.Verifications;
import tools.jackson.databind.node.ObjectNode;

/**
 * Opens a partner's request: one JSON object with a {@code header} and a {@code message}, a
 * readable header, the caller's agreement usable today, the signature its keys require, and the
 * header's {@code sender_id} the one registered with the agreement (the standard: "sender_id
 * registered with the receiving system ... used for authorization"), and its {@code receiver_id},
 * if it names one, the registry's own id: a message addressed to another system (a gateway's wrong
 * route, a request meant for another registry) is not answered here. Nothing of a request that
 * fails one of these is answered, disclosed or recorded.
 */
@Component
class Envelopes {

    private final Verifications verifications;
    private final Signatures signatures;
    private final MessageIds messageIds;

    private final String registryId;

    Envelopes(Verifications verifications, Signatures signatures, MessageIds messageIds, DciProperties properties) {
        this.verifications = verifications;
        this.signatures = signatures;
        this.messageIds = messageIds;
        this.registryId = properties.registryId();
    }

    /**
     * Opens the request and records its {@code message_id} as the agreement's, in the caller's
     * transaction ({@link InboundEnvelope#sentBefore} if it was sent before).
     *
     * @throws EnvelopeRejectedException with 400 (not one well-formed JSON object, no header or message, a header
     *         field of the wrong type), 401 (a signature the agreement's keys do not verify) or 403
     *         {@code err.sender_id.invalid} (a {@code sender_id} that is not the agreement's registered one, or none
     *         is registered) or {@code err.receiver_id.invalid} (a {@code receiver_id} that is not the registry's id)
     * @throws AgreementRefusedException if the caller's agreement answers nothing today
     */
    InboundEnvelope open(Actor partner, byte @Nullable [] body) {
        ObjectNode envelope = Json.parseObject(body).orElseThrow(
                () -> new EnvelopeRejectedException(DciReply.badRequest(
                        "the body must be one well-formed JSON object, without repeated keys, deep nesting or unpaired surrogates")));
        ObjectNode header = Json.object(envelope, "header");
        ObjectNode message = Json.object(envelope, "message");
        if (header == null || message == null) {
            throw new EnvelopeRejectedException(DciReply.badRequest("header and message are required and must be objects"));
        }
        RequestHeader read = RequestHeader.read(header);
        Agreement agreement = verifications.agreementOf(partner);
        signatures.verify(agreement, read, header, message, envelope.get("signature"));
        checkSender(agreement, read);
        checkReceiver(read);
        return new InboundEnvelope(partner, agreement, read, message, !messageIds.firstSending(agreement.id(), read.messageId()));
    }

    /**
     * The sender must be the agreement's registered one. Checked after the signature, so that a
     * signed request is refused for its sender only once it is known to be the agency's: either way
     * the sender's own id is never repeated.
     */
    private static void checkSender(Agreement agreement, RequestHeader header) {
        if (agreement.dciSenderId() == null) {
            throw new EnvelopeRejectedException(DciReply.senderRejected(
                    "no DCI sender id is registered with the data-sharing agreement"));
        }
        if (!agreement.dciSenderId().equals(header.senderId())) {
            throw new EnvelopeRejectedException(DciReply.senderRejected(
                    "header.sender_id is not the DCI sender id registered with the data-sharing agreement"));
        }
    }

    /** A {@code receiver_id}, optional in the standard, must be this registry's when given. */
    private void checkReceiver(RequestHeader header) {
        if (header.receiverId() != null && !registryId.equals(header.receiverId())) {
            throw new EnvelopeRejectedException(DciReply.receiverRejected(
                    "header.receiver_id, when given, must be this registry's DCI id " + registryId));
        }
    }
}
