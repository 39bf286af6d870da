package pk.registry.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;

/**
 * An allowance per key (a client address, a client id): a Bucket4j bucket of one bandwidth for
 * each key, on this node, timed by the service's clock. The table is emptied when it passes
 * {@value #MAX_KEYS} keys, so a flood of forged keys cannot grow it without bound. Keys are
 * never logged by this class.
 */
final class Allowances {

    static final int MAX_KEYS = 100_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Bandwidth bandwidth;
    private final TimeMeter time;

    private Allowances(Bandwidth bandwidth, Clock clock) {
        this.bandwidth = bandwidth;
        this.time = new ClockTime(clock);
    }

    /** {@code uses} per key within {@code window}, each coming back gradually across the window. */
    static Allowances refilledGradually(int uses, Duration window, Clock clock) {
        return new Allowances(Bandwidth.builder().capacity(uses).refillGreedy(uses, window).build(), clock);
    }

    /** {@code uses} per key within {@code window}, all coming back at once when the window has passed. */
    static Allowances refilledPerWindow(int uses, Duration window, Clock clock) {
        return new Allowances(Bandwidth.builder().capacity(uses).refillIntervally(uses, window).build(), clock);
    }

    /** Takes one use from the key's allowance. @return empty when taken, else how long until one is back */
    Optional<Duration> take(String key) {
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Uses one of the key's allowance if any is left. @return whether this was the last one */
    boolean spend(String key) {
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() && probe.getRemainingTokens() == 0;
    }

    /** How long until the key has a use again, taking none; empty while it has one (or was never seen). */
    Optional<Duration> exhausted(String key) {
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            return Optional.empty();
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private Bucket bucket(String key) {
        if (buckets.size() > MAX_KEYS) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(key, k -> Bucket.builder().addLimit(bandwidth).withCustomTimePrecision(time).build());
    }

    /** The service's clock as Bucket4j's time, so that windows pass as the clock does (also a test's clock). */
    private record ClockTime(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            return clock.millis() * 1_000_000L;
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
