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
 * readable header, the caller's agreement usable today, and the signature its keys require.
 */
@Component
class Envelopes {

    private final Verifications verifications;
    private final Signatures signatures;

    Envelopes(Verifications verifications, Signatures signatures) {
        this.verifications = verifications;
        this.signatures = signatures;
    }

    /**
     * @throws EnvelopeRejectedException with 400 (not one well-formed JSON object, no header or message, a header
     *         field of the wrong type) or 401 (a signature the agreement's keys do not verify)
     * @throws AgreementRefusedException if the caller's agreement answers nothing today
     */
    InboundEnvelope open(Actor partner, byte @Nullable [] body) {
        ObjectNode envelope = Json.parseObject(body).orElseThrow(
                () -> new EnvelopeRejectedException(DciReply.badRequest(
                        "the body must be one well-formed JSON object, without repeated keys or deep nesting")));
        ObjectNode header = Json.object(envelope, "header");
        ObjectNode message = Json.object(envelope, "message");
        if (header == null || message == null) {
            throw new EnvelopeRejectedException(DciReply.badRequest("header and message are required and must be objects"));
        }
        RequestHeader read = RequestHeader.read(header);
        Agreement agreement = verifications.agreementOf(partner);
        signatures.verify(agreement, read, header, message, envelope.get("signature"));
        return new InboundEnvelope(partner, agreement, read, message);
    }
}
