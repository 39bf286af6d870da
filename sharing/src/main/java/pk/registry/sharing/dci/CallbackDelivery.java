package pk.registry.sharing.dci;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import pk.registry.kernel.Ids;
import pk.registry.sharing.AgreementId;

/**
 * Delivers due callbacks, on every node, in a thread of its own: each node claims a few due ones
 * at a time (a claim is atomic, so several nodes never send the same callback), sends them, and
 * records the outcome. A failed callback is retried after the configured back-off (10 s, 30 s,
 * 2 min, 10 min, 30 min by default) and given up after the last; its answer is never lost
 * meanwhile, and stays readable by status requests for the retention after it was given up
 * (dropped by an hourly sweep). A notification, which the partner cannot ask for, is retried at
 * the last wait until {@code notify-retried-for} has passed since it was queued.
 */
@Component
class CallbackDelivery implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CallbackDelivery.class);

    private final String node = Ids.newId().toString();
    private final AtomicBoolean running = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "dci-callbacks");
        thread.setDaemon(true);
        return thread;
    });
    private final Deliveries deliveries;
    private final CallbackAttempts attempts;
    private final DeliveryOutcomes outcomes;
    private final DciProperties.Delivery settings;
    private final Clock clock;

    CallbackDelivery(Deliveries deliveries, CallbackAttempts attempts, DeliveryOutcomes outcomes, DciProperties properties,
            Clock clock) {
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.outcomes = outcomes;
        this.settings = properties.delivery();
        this.clock = clock;
    }

    /**
     * Starts a round of {@link #deliverDue} on the delivery thread unless one is still running,
     * so that slow partners never hold up the service's other scheduled work.
     */
    @Scheduled(fixedDelayString = "${registry.dci.delivery.poll:PT1S}", initialDelayString = "${registry.dci.delivery.poll:PT1S}")
    void startRound() {
        if (running.compareAndSet(false, true)) {
            worker.execute(() -> {
                try {
                    deliverDue();
                }
                catch (RuntimeException ex) {
                    log.warn("A round of DCI callbacks stopped ({})", ex.getClass().getSimpleName());
                }
                finally {
                    running.set(false);
                }
            });
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }

    /**
     * Sends every callback due now (a batch at a time), in the calling thread; returns how many were
     * delivered. Once a partner gave no answer at all in this round, its other callbacks due are
     * not sent in it but counted as failed the same way: a partner that is down or drops connections
     * costs a round one wait of the timeouts, not one per callback, and holds up no other partner's.
     */
    public int deliverDue() {
        Set<AgreementId> unanswering = new HashSet<>();
        int delivered = 0;
        int claimed;
        do {
            claimed = 0;
            Instant now = clock.instant();
            for (String id : deliveries.due(now, settings.batch())) {
                var callback = deliveries.claim(id, node, now, now.plus(settings.claimFor()));
                if (callback.isPresent()) {
                    claimed++;
                    delivered += deliver(callback.get(), unanswering) ? 1 : 0;
                }
            }
        }
        while (claimed == settings.batch());
        return delivered;
    }

    /** Drops the sealed answers of callbacks given up longer ago than the retention; returns how many. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public int forgetUndelivered() {
        return deliveries.forgetUndelivered(clock.instant().minus(settings.undeliveredRetention()));
    }

    private CallbackAttempts.Outcome attempt(Deliveries.Claimed callback) {
        try {
            return attempts.attempt(callback);
        }
        catch (RuntimeException ex) {
            log.warn("A DCI {} callback could not be attempted ({})", callback.action(), ex.getClass().getSimpleName());
            return CallbackAttempts.Outcome.failed("the callback could not be prepared");
        }
    }

    /**
     * Whether a failed callback has had all its attempts (at most 999, all that {@code dci_delivery.attempts} counts).
     * A subscription's notification (one queued before V30 names none, and cannot be superseded) has its days.
     */
    private boolean exhausted(Deliveries.Claimed callback, Instant now) {
        if (callback.subscription() != null) {
            return !now.isBefore(callback.queuedAt().plus(settings.notifyRetriedFor())) || callback.attempts() >= 999;
        }
        return callback.attempts() >= settings.maxAttempts();
    }

    private boolean deliver(Deliveries.Claimed callback, Set<AgreementId> unanswering) {
        CallbackAttempts.Outcome outcome;
        if (unanswering.contains(callback.agreement())) {
            outcome = CallbackAttempts.Outcome.failed("not sent: another callback to the partner just went unanswered");
        }
        else {
            outcome = attempt(callback);
            if (outcome.unanswered()) {
                unanswering.add(callback.agreement());
            }
        }
        Instant now = clock.instant();
        if (outcome.delivered()) {
            outcomes.delivered(callback, now);
        }
        else if (outcome.hopeless() || exhausted(callback, now)) {
            log.info("A DCI {} callback was given up after {} attempt(s)", callback.action(), callback.attempts());
            outcomes.gaveUp(callback, outcome.error(), now);
        }
        else {
            outcomes.retry(callback, now.plus(settings.backoffAfter(callback.attempts())), outcome.error(), now);
        }
        return outcome.delivered();
    }
}
