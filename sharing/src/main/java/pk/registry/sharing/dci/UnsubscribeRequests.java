package pk.registry.sharing.dci;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import pk.registry.kernel.Ids;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code unsubscribe} requests (asynchronous: {@code ACK}, then {@code on-unsubscribe}): ends
 * the caller's own subscriptions by code. A code of another agreement is unknown to the caller
 * ({@code rjct.subscription_code.invalid}); an ended one is {@code rjct.event.already_unsubscribed}.
 * Each code is answered as it is listed, so one listed twice is ended by its first listing and
 * found ended by its second. The response's status is {@code succ} when every listing ended its
 * code, else {@code rjct} with the first reason; {@code subscription_status} has an entry for each
 * listing of the caller's codes, each now {@code unsubscribe}; the header's {@code total_count}
 * and {@code completed_count} are the number of codes listed (the request's own count).
 */
@Component
class UnsubscribeRequests {

    private final DciSubscriptions subscriptions;
    private final CallbackQueue callbacks;
    private final OutboundEnvelopes envelopes;
    private final DciProperties properties;
    private final Clock clock;

    UnsubscribeRequests(DciSubscriptions subscriptions, CallbackQueue callbacks, OutboundEnvelopes envelopes,
            DciProperties properties, Clock clock) {
        this.subscriptions = subscriptions;
        this.callbacks = callbacks;
        this.envelopes = envelopes;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    DciReply unsubscribe(InboundEnvelope envelope) {
        String transactionId = envelope.transactionId();
        String correlationId = Ids.newId().toString();
        JsonNode codes = envelope.message().get("subscription_codes");
        if (codes == null || !codes.isArray()) {
            throw new EnvelopeRejectedException(DciReply.badRequest("message.subscription_codes is required and must be an array"));
        }
        Optional<DciReply> refusal = AsyncChecks.refusal(envelope, "unsubscribe", codes.size(), properties.maxBatch(),
                correlationId, clock.instant());
        if (refusal.isPresent()) {
            return refusal.get();
        }
        Optional<String> malformed = malformed(envelope.message(), codes);
        if (malformed.isPresent()) {
            return DciReply.refused("err.request.bad", malformed.get(), correlationId, clock.instant());
        }
        Optional<URI> target = callbacks.target(envelope, "/registry/on-unsubscribe");
        if (target.isEmpty()) {
            callbacks.undeliverable(envelope, "unsubscribe", correlationId, List.of());
            return DciReply.acknowledged(correlationId, clock.instant());
        }
        Instant now = clock.instant();
        List<String> ended = new ArrayList<>();
        @Nullable Reason firstProblem = null;
        for (JsonNode code : codes) {
            Reason problem = end(envelope, code.stringValue(), now, ended);
            firstProblem = firstProblem == null ? problem : firstProblem;
        }
        ObjectNode header = envelopes.header("on-unsubscribe", "succ", null, null, codes.size(), codes.size(),
                envelope.header().senderId());
        callbacks.queue(new Transactions.Txn(correlationId, envelope.agreement().id(), transactionId, "unsubscribe", "pdng",
                null, now), List.of(), "on-unsubscribe", target.get(), header,
                response(transactionId, correlationId, now, firstProblem, ended), List.of());
        return DciReply.acknowledged(correlationId, clock.instant());
    }

    /** Ends the code's subscription if it is the caller's and active; returns why not otherwise. */
    private @Nullable Reason end(InboundEnvelope envelope, String code, Instant now, List<String> ended) {
        var subscription = subscriptions.find(envelope.agreement().id(), code);
        if (subscription.isEmpty()) {
            return Reason.SUBSCRIPTION_CODE_INVALID;
        }
        ended.add(code);
        if (!subscription.get().active()) {
            return Reason.ALREADY_UNSUBSCRIBED;
        }
        subscriptions.end(code, now);
        callbacks.withdrawNotices(code, CallbackQueue.UNSUBSCRIBED);
        return null;
    }

    private static ObjectNode response(String transactionId, String correlationId, Instant now, @Nullable Reason problem,
            List<String> ended) {
        ObjectNode message = Json.object();
        message.put("transaction_id", transactionId);
        message.put("correlation_id", correlationId);
        message.put("timestamp", Json.timestamp(now));
        message.put("status", problem == null ? "succ" : "rjct");
        if (problem != null) {
            message.put("status_reason_code", problem.code());
            message.put("status_reason_message", problem == Reason.ALREADY_UNSUBSCRIBED
                    ? "a subscription had ended before, or by its code earlier in the list"
                    : "a code is not one of the agreement's subscriptions");
        }
        ArrayNode statuses = message.putArray("subscription_status");
        for (String code : ended) {
            ObjectNode status = statuses.addObject();
            status.put("code", code);
            status.put("status", "unsubscribe");
        }
        return message;
    }

    private static Optional<String> malformed(ObjectNode message, JsonNode codes) {
        if (!Json.isTimestamp(Json.string(message, "timestamp"))) {
            return Optional.of("message.timestamp: " + Reason.TIMESTAMP_INVALID.code()
                    + ": timestamp must be an RFC 3339 date-time with its zone");
        }
        for (int position = 0; position < codes.size(); position++) {
            JsonNode code = codes.get(position);
            if (!code.isString() || code.stringValue().isBlank() || code.stringValue().length() > ItemChecks.MAX_ID_LENGTH) {
                return Optional.of("message.subscription_codes[" + position + "]: "
                        + Reason.SUBSCRIPTION_CODE_INVALID.code() + ": a subscription code is a string of 1 to 99 characters");
            }
        }
        return Optional.empty();
    }
}
