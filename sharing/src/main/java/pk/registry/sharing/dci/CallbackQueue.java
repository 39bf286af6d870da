package pk.registry.sharing.dci;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
        Instant now = clock.instant();
        transactions.record(new Transactions.Txn(txn.correlationId(), txn.agreement(), txn.transactionId(), txn.type(),
                "pdng", null, now), entries);
        ObjectNode unsigned = Json.object();
        unsigned.set("header", header);
        unsigned.set("message", message);
        deliveries.add(Ids.newId().toString(), txn.correlationId(), txn.agreement(), action, target,
                sealer.seal(unsigned, txn.correlationId()), answers, now);
    }
}
