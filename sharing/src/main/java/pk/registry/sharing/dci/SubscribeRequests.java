package pk.registry.sharing.dci;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.Ids;
import pk.registry.sharing.Verifications;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code subscribe} requests (asynchronous: {@code ACK}, then {@code on-subscribe}). A partner
 * may follow only a person its agreement was answered about before
 * ({@link Verifications#answeredBefore}); anyone else, unregistered or not a CNIC, is
 * {@code rjct.person_id.invalid} alike. A subscription keeps the household's id, the programme
 * and purpose, the CNIC's masked form and the eligibility as of now; never the CNIC.
 */
@Component
class SubscribeRequests {

    private final Verifications verifications;
    private final DciSubscriptions subscriptions;
    private final CallbackQueue callbacks;
    private final OutboundEnvelopes envelopes;
    private final DciProperties properties;
    private final Clock clock;

    SubscribeRequests(Verifications verifications, DciSubscriptions subscriptions, CallbackQueue callbacks,
            OutboundEnvelopes envelopes, DciProperties properties, Clock clock) {
        this.verifications = verifications;
        this.subscriptions = subscriptions;
        this.callbacks = callbacks;
        this.envelopes = envelopes;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    DciReply subscribe(InboundEnvelope envelope) {
        String transactionId = envelope.transactionId();
        ArrayNode entries = SubscribeRequestReader.entries(envelope.message());
        String correlationId = Ids.newId().toString();
        Optional<DciReply> refusal = AsyncChecks.refusal(envelope, "subscribe", entries.size(), properties.maxBatch(),
                correlationId, clock.instant());
        if (refusal.isPresent()) {
            return refusal.get();
        }
        List<ItemVerdict> verdicts = SubscribeRequestReader.read(envelope, entries);
        Optional<String> malformed = SearchRequestReader.firstMalformed(verdicts, "subscribe_request");
        if (malformed.isPresent()) {
            return DciReply.refused("err.request.bad", malformed.get(), correlationId, clock.instant());
        }
        Optional<URI> target = callbacks.target(envelope, "/registry/on-subscribe");
        if (target.isEmpty()) {
            callbacks.undeliverable(envelope, "subscribe", correlationId, List.of());
            return DciReply.acknowledged(correlationId, clock.instant());
        }
        ObjectNode message = Json.object();
        message.put("transaction_id", transactionId);
        message.put("correlation_id", correlationId);
        ArrayNode responses = message.putArray("subscribe_response");
        List<Transactions.Entry> outcomes = new ArrayList<>();
        for (ItemVerdict verdict : verdicts) {
            ObjectNode response = respond(envelope, verdict);
            responses.add(response);
            outcomes.add(new Transactions.Entry(verdict.position(), verdict.referenceId(), Json.string(response, "status"),
                    Json.string(response, "status_reason_code")));
        }
        ObjectNode header = envelopes.header("on-subscribe", "succ", null, null, verdicts.size(), verdicts.size(),
                envelope.header().senderId());
        callbacks.queue(new Transactions.Txn(correlationId, envelope.agreement().id(), transactionId, "subscribe", "pdng", null,
                clock.instant()), outcomes.stream().filter(outcome -> !outcome.referenceId().isBlank()).toList(),
                "on-subscribe", target.get(), header, message, List.of());
        return DciReply.acknowledged(correlationId, clock.instant());
    }

    private ObjectNode respond(InboundEnvelope envelope, ItemVerdict verdict) {
        Instant now = clock.instant();
        if (verdict instanceof ItemVerdict.Rejection rejection) {
            return rejected(rejection.referenceId(), now, rejection.reason(), rejection.message());
        }
        ItemVerdict.Question question = (ItemVerdict.Question) verdict;
        Optional<HouseholdId> household = verifications.answeredBefore(envelope.partner(), question.query());
        if (household.isEmpty()) {
            return rejected(question.referenceId(), now, Reason.PERSON_ID_INVALID,
                    "the agreement may follow only a person it was answered about");
        }
        String programme = question.query().programme();
        Supplier<Optional<DciSubscriptions.Following>> following = () -> subscriptions.following(envelope.agreement().id(),
                household.get(), programme, question.query().purpose());
        Optional<DciSubscriptions.Following> before = following.get();
        if (before.isPresent()) {
            return alreadyFollowed(question.referenceId(), now, before.get());
        }
        String code = Ids.newId().toString();
        try {
            subscriptions.add(new DciSubscriptions.Subscription(code, envelope.agreement().id(), household.get(), programme,
                    question.query().purpose(), question.query().cnic().masked(), envelope.header().senderId(),
                    verifications.eligibleNow(household.get(), programme), true), now);
        }
        catch (DuplicateKeyException ex) {
            // Another request subscribed it at the same moment; the database let this insert fail once that one committed.
            return following.get().map(other -> alreadyFollowed(question.referenceId(), now, other))
                    .orElseGet(() -> rejected(question.referenceId(), now, Reason.ALREADY_SUBSCRIBED,
                            "the agreement already follows this person"));
        }
        return withSubscription(entry(question.referenceId(), now, "succ"), code, now);
    }

    /**
     * {@code rjct.event.already_subscribed}, with the subscription the agreement already has: a
     * partner whose {@code on-subscribe} never arrived (its endpoint was down until the callback was
     * given up) learns its code by subscribing again, and can follow or end it.
     */
    private static ObjectNode alreadyFollowed(String referenceId, Instant at, DciSubscriptions.Following existing) {
        return withSubscription(rejected(referenceId, at, Reason.ALREADY_SUBSCRIBED,
                "the agreement already follows this person: its subscription is the one given"), existing.code(),
                existing.since());
    }

    private static ObjectNode withSubscription(ObjectNode response, String code, Instant since) {
        ObjectNode subscription = response.putArray("subscriptions").addObject();
        subscription.put("code", code);
        subscription.put("status", "subscribe");
        subscription.put("timestamp", Json.timestamp(since));
        return response;
    }

    private static ObjectNode rejected(String referenceId, Instant at, Reason reason, String message) {
        ObjectNode response = entry(referenceId, at, "rjct");
        response.put("status_reason_code", reason.code());
        response.put("status_reason_message", message);
        return response;
    }

    private static ObjectNode entry(String referenceId, Instant at, String status) {
        ObjectNode response = Json.object();
        response.put("reference_id", referenceId);
        response.put("timestamp", Json.timestamp(at));
        response.put("status", status);
        return response;
    }
}
