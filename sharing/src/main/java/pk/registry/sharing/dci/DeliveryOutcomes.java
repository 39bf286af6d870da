package pk.registry.sharing.dci;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records how a callback ended, with its transaction's status in the same database transaction:
 * delivered (succ, the sealed answer dropped), failed and due again (still pdng), or given up
 * (rjct with why; the sealed answer stays for status requests; a notification's subscription
 * records that the partner was not told, so that the next review tells it again).
 */
@Component
class DeliveryOutcomes {

    private final Deliveries deliveries;
    private final Transactions transactions;
    private final DciSubscriptions subscriptions;

    DeliveryOutcomes(Deliveries deliveries, Transactions transactions, DciSubscriptions subscriptions) {
        this.deliveries = deliveries;
        this.transactions = transactions;
        this.subscriptions = subscriptions;
    }

    @Transactional
    void delivered(Deliveries.Claimed callback, Instant now) {
        deliveries.delivered(callback.id(), now);
        transactions.conclude(callback.correlationId(), "succ", null, now);
    }

    @Transactional
    void retry(Deliveries.Claimed callback, Instant next, String error, Instant now) {
        deliveries.retryAt(callback.id(), next, error, now);
    }

    @Transactional
    void gaveUp(Deliveries.Claimed callback, String error, Instant now) {
        deliveries.gaveUp(callback.id(), error, now);
        transactions.conclude(callback.correlationId(), "rjct",
                "the callback was not delivered after " + callback.attempts() + " attempt(s): " + error, now);
        if (callback.subscription() != null) {
            subscriptions.untold(callback.subscription(), callback.id());
        }
    }
}
