package pk.registry.sharing.dci;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a DCI endpoint answers: an HTTP status, a JSON body and, over the quota, when to retry.
 * Bodies are the standard's: an envelope (200), an acknowledgement (202 {@code ACK}, 200
 * {@code ERR}), or its HTTP error response ({@code {"errors":[{code, message}]}}). No body
 * repeats a value of the request.
 *
 * @param retryAfter with 429: how long until the agreement's quota allows another answer
 */
public record DciReply(int status, JsonNode body, @Nullable Duration retryAfter) {

    /** The body as JSON text. */
    public String json() {
        return Json.text(body);
    }

    /** The {@code Retry-After} header's value in whole seconds (at least 1), with 429. */
    public @Nullable String retryAfterSeconds() {
        return retryAfter == null ? null : Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
    }

    static DciReply ok(JsonNode envelope) {
        return new DciReply(200, envelope, null);
    }

    /** 202: the request is valid, its answer comes by callback under this correlation id. */
    static DciReply acknowledged(String correlationId, Instant now) {
        return new DciReply(202, acknowledgement("ACK", correlationId, now), null);
    }

    /**
     * 200 with {@code ack_status: ERR}: the request is well-formed JSON but the registry will not
     * process it; {@code code} is one of the standard's Error codes.
     */
    static DciReply refused(String code, String message, String correlationId, Instant now) {
        ObjectNode body = acknowledgement("ERR", correlationId, now);
        ObjectNode error = ((ObjectNode) body.get("message")).putObject("error");
        error.put("code", code);
        error.put("message", message);
        return new DciReply(200, body, null);
    }

    /** 400 {@code err.request.bad}: not JSON, no header or message, or fields of the wrong type. */
    static DciReply badRequest(String message) {
        ObjectNode body = Json.object();
        body.put("code", "err.request.bad");
        body.put("message", message);
        body.setAll(errors("err.request.bad", message));
        return new DciReply(400, body, null);
    }

    /** 401 {@code err.signature.missing} or {@code err.signature.invalid}. */
    static DciReply signatureRejected(String code, String message) {
        return new DciReply(401, errors(code, message), null);
    }

    /** 403 {@code err.request.forbidden}: the agreement does not allow the request. */
    static DciReply forbidden(String message) {
        return new DciReply(403, errors("err.request.forbidden", message), null);
    }

    /**
     * 403 {@code err.sender_id.invalid}: the header's {@code sender_id} is not the one registered with
     * the agreement, or none is registered. The message never repeats the id sent.
     */
    static DciReply senderRejected(String message) {
        return new DciReply(403, errors("err.sender_id.invalid", message), null);
    }

    /**
     * 403 {@code err.receiver_id.invalid}: the header's {@code receiver_id} names another system. The
     * message never repeats the id sent.
     */
    static DciReply receiverRejected(String message) {
        return new DciReply(403, errors("err.receiver_id.invalid", message), null);
    }

    /** 429 {@code err.request.too_many_requests} with when to retry. */
    static DciReply tooManyRequests(Duration retryAfter) {
        return new DciReply(429, errors("err.request.too_many_requests", "The agreement's daily quota of answers is used up."),
                retryAfter);
    }

    private static ObjectNode acknowledgement(String status, String correlationId, Instant now) {
        ObjectNode body = Json.object();
        ObjectNode message = body.putObject("message");
        message.put("ack_status", status);
        message.put("timestamp", Json.timestamp(now));
        message.put("correlation_id", correlationId);
        return body;
    }

    private static ObjectNode errors(String code, String message) {
        ObjectNode body = Json.object();
        ObjectNode error = body.putArray("errors").addObject();
        error.put("code", code);
        error.put("message", message);
        return body;
    }
}
