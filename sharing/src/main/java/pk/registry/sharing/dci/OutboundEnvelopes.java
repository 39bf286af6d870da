package pk.registry.sharing.dci;

import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import pk.registry.kernel.Ids;
import tools.jackson.databind.node.ObjectNode;

/**
 * The envelopes the registry sends: a {@code MsgCallbackHeader} (which also carries every field
 * of a {@code MsgHeader}, for the callbacks the standard describes with one), and the signature.
 */
@Component
class OutboundEnvelopes {

    private final Signatures signatures;
    private final DciProperties properties;
    private final Clock clock;

    OutboundEnvelopes(Signatures signatures, DciProperties properties, Clock clock) {
        this.signatures = signatures;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A header from the registry, with a new message id, made now.
     *
     * @param status {@code succ}, {@code rjct} or {@code pdng}
     * @param reasonCode the header-level reason code with {@code rjct}, if any
     * @param reasonMessage why, in words without personal data, if any
     * @param receiverId the partner's DCI id (its requests' {@code sender_id})
     */
    ObjectNode header(String action, String status, @Nullable String reasonCode, @Nullable String reasonMessage,
            int total, int completed, String receiverId) {
        ObjectNode header = Json.object();
        header.put("version", RequestHeader.VERSION);
        header.put("message_id", Ids.newId().toString());
        header.put("message_ts", Json.timestamp(clock.instant()));
        header.put("action", action);
        header.put("status", status);
        if (reasonCode != null) {
            header.put("status_reason_code", reasonCode);
        }
        if (reasonMessage != null) {
            header.put("status_reason_message", reasonMessage);
        }
        header.put("total_count", total);
        header.put("completed_count", completed);
        header.put("sender_id", properties.registryId());
        header.put("receiver_id", receiverId);
        header.put("is_msg_encrypted", false);
        return header;
    }

    /** {@code {signature, header, message}}, signed now with the registry's key. */
    ObjectNode signed(ObjectNode header, ObjectNode message) {
        ObjectNode envelope = Json.object();
        envelope.put("signature", signatures.sign(header, message));
        envelope.set("header", header);
        envelope.set("message", message);
        return envelope;
    }
}
