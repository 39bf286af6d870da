package pk.registry.sharing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;

/**
 * Each agreement's daily quota of answers, as a Bucket4j token bucket per agreement on this
 * node: the quota is refilled in full once a day, and a request past it learns when to retry.
 * A node keeps its own buckets; behind a load balancer of n nodes an agency can receive at most
 * n times its quota, which the operator accounts for when setting it.
 */
@Component
class Quotas {

    private final Map<AgreementId, Limit> limits = new ConcurrentHashMap<>();

    /**
     * A changed quota is not a fresh day: what was used today stays used, against the new quota,
     * also what a lower quota in between could not hold (lowered to 5 after 170 answers, then
     * raised to 100, the day still has 170 used and none left).
     */
    private static Limit changeQuota(Limit current, int quota) {
        Bucket bucket = current.bucket();
        long now = System.nanoTime();
        long usedToday = current.usedToday(now);
        bucket.replaceConfiguration(BucketConfiguration.builder().addLimit(daily(quota)).build(), TokensInheritanceStrategy.AS_IS);
        long difference = Math.max(0, quota - usedToday) - bucket.getAvailableTokens();
        if (difference > 0) {
            bucket.addTokens(difference);
        }
        else if (difference < 0) {
            bucket.tryConsume(-difference);
        }
        long excess = Math.max(0, usedToday - quota);
        // the excess belongs to this day only: it lapses when the bucket refills
        long until = excess == 0 ? now : now + bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return new Limit(quota, bucket, excess, until);
    }

    private static Bandwidth daily(int quota) {
        return Bandwidth.builder().capacity(quota).refillIntervally(quota, Duration.ofDays(1)).build();
    }

    /**
     * @param excess answers used today beyond what the bucket can show (a quota lowered below them)
     * @param excessUntil when, in {@link System#nanoTime()}, the bucket's day ends and the excess lapses
     */
    private record Limit(int perDay, Bucket bucket, long excess, long excessUntil) {

        /** Answers taken in the bucket's current day. */
        long usedToday(long now) {
            return perDay - bucket.getAvailableTokens() + (now - excessUntil < 0 ? excess : 0);
        }
    }

    /**
     * Takes one answer from the agreement's quota; in a transaction, the answer is given back if
     * the transaction rolls back (a batch refused half-way, a failure after the question was let
     * through), since nothing was disclosed for it.
     * @throws QuotaExceededException when none is left today
     */
    void take(Agreement agreement) {
        Limit limit = limits.compute(agreement.id(), (id, current) -> {
            if (current == null) {
                return new Limit(agreement.dailyQuota(), Bucket.builder().addLimit(daily(agreement.dailyQuota())).build(), 0,
                        System.nanoTime());
            }
            return current.perDay() == agreement.dailyQuota() ? current : changeQuota(current, agreement.dailyQuota());
        });
        ConsumptionProbe probe = limit.bucket().tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new QuotaExceededException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_ROLLED_BACK) {
                        limit.bucket().addTokens(1);
                    }
                }
            });
        }
    }
}
