package pk.registry.sharing.dci;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import pk.registry.kernel.Ids;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records an asynchronous request as a transaction and queues its callback, in the caller's
 * transaction: the answer is kept sealed, and {@link CallbackDelivery} sends it. A request
 * whose agreement registered no callback URL is recorded as ended rjct instead.
 */
@Component
class CallbackQueue {

    static final String UNDELIVERABLE = "no callback URL is registered for the agreement";

    /** A notification's action: its callback goes to {@code /registry/notify}. */
    private static final String NOTIFY = "notify";

    static final String SUPERSEDED = "superseded by a later notification of the subscription before it was delivered";

    static final String UNSUBSCRIBED = "the partner ended the subscription before the notification was delivered";

    private final Transactions transactions;
    private final Deliveries deliveries;
    private final Sealer sealer;
    private final Clock clock;

    CallbackQueue(Transactions transactions, Deliveries deliveries, Sealer sealer, Clock clock) {
        this.transactions = transactions;
        this.deliveries = deliveries;
        this.sealer = sealer;
        this.clock = clock;
    }

    /** Where the envelope's callback goes, if anywhere: see {@link CallbackTargets}. */
    Optional<URI> target(InboundEnvelope envelope, String standardPath) {
        return CallbackTargets.resolve(envelope.agreement(), envelope.header().senderUri(), standardPath);
    }

    /** Records the request as ended rjct: nothing can be delivered. */
    void undeliverable(InboundEnvelope envelope, String type, String correlationId, List<Transactions.Entry> entries) {
        transactions.record(new Transactions.Txn(correlationId, envelope.agreement().id(), envelope.transactionId(), type,
                "rjct", UNDELIVERABLE, clock.instant()), entries);
    }

    /**
     * Records the transaction as pending and queues its callback.
     *
     * @param txn the transaction (its status is recorded as {@code pdng})
     * @param header the callback's header, {@code message} its message: kept sealed, signed when sent
     * @param answers the answers the message holds, by their place in its entries
     */
    void queue(Transactions.Txn txn, List<Transactions.Entry> entries, String action, URI target, ObjectNode header,
            ObjectNode message, List<Deliveries.HeldAnswer> answers) {
        enqueue(txn, entries, action, null, target, header, message, answers);
    }

    /**
     * Records a notification as pending and queues it, superseding the subscription's earlier
     * notifications not yet delivered: a partner whose endpoint was down is told the latest change
     * once it is back, never an older one after it. One a node is sending right now is not recalled.
     */
    void queueNotice(Transactions.Txn txn, String subscription, URI target, ObjectNode header, ObjectNode message,
            List<Deliveries.HeldAnswer> answers) {
        withdrawNotices(subscription, SUPERSEDED);
        enqueue(txn, List.of(), NOTIFY, subscription, target, header, message, answers);
    }

    /**
     * Withdraws the subscription's notifications not yet delivered, their transactions ended
     * {@code rjct} for the reason: after an {@code unsubscribe}, nothing more is told about the
     * household, not even a change from before. One a node is sending right now is not recalled.
     */
    void withdrawNotices(String subscription, String reason) {
        Instant now = clock.instant();
        for (Deliveries.Held earlier : deliveries.undeliveredNoticesOf(subscription, now)) {
            deliveries.withdraw(earlier.id(), reason, now);
            transactions.conclude(earlier.correlationId(), "rjct", reason, now);
        }
    }

    private void enqueue(Transactions.Txn txn, List<Transactions.Entry> entries, String action,
            @Nullable String subscription, URI target, ObjectNode header, ObjectNode message,
            List<Deliveries.HeldAnswer> answers) {
        Instant now = clock.instant();
        transactions.record(new Transactions.Txn(txn.correlationId(), txn.agreement(), txn.transactionId(), txn.type(),
                "pdng", null, now), entries);
        ObjectNode unsigned = Json.object();
        unsigned.set("header", header);
        unsigned.set("message", message);
        deliveries.add(Ids.newId().toString(), txn.correlationId(), txn.agreement(), action, subscription, target,
                sealer.seal(unsigned, txn.correlationId()), answers, now);
    }
}
