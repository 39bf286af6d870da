package pk.registry.sharing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

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

    /** A changed quota is not a fresh day: what was used today stays used, against the new quota. */
    private static void changeQuota(Limit current, int quota) {
        Bucket bucket = current.bucket();
        long usedToday = Math.max(0, current.perDay() - bucket.getAvailableTokens());
        bucket.replaceConfiguration(BucketConfiguration.builder().addLimit(daily(quota)).build(), TokensInheritanceStrategy.AS_IS);
        long difference = Math.max(0, quota - usedToday) - bucket.getAvailableTokens();
        if (difference > 0) {
            bucket.addTokens(difference);
        }
        else if (difference < 0) {
            bucket.tryConsume(-difference);
        }
    }

    private static Bandwidth daily(int quota) {
        return Bandwidth.builder().capacity(quota).refillIntervally(quota, Duration.ofDays(1)).build();
    }

    private record Limit(int perDay, Bucket bucket) {
    }

    /**
     * Takes one answer from the agreement's quota.
     * @throws QuotaExceededException when none is left today
     */
    void take(Agreement agreement) {
        Limit limit = limits.compute(agreement.id(), (id, current) -> {
            if (current == null) {
                return new Limit(agreement.dailyQuota(), Bucket.builder().addLimit(daily(agreement.dailyQuota())).build());
            }
            if (current.perDay() != agreement.dailyQuota()) {
                changeQuota(current, agreement.dailyQuota());
                return new Limit(agreement.dailyQuota(), current.bucket());
            }
            return current;
        });
        ConsumptionProbe probe = limit.bucket().tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new QuotaExceededException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }
}
