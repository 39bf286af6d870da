package pk.registry.rights;

import java.time.Clock;
import java.time.Instant;
import java.util.function.ToLongFunction;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

import pk.registry.kernel.DailyQuota;

/**
 * How much a household files in a day: complaints, and corrections with annotations, each kind
 * up to {@code registry.rights.filings-per-day} (10) a Pakistani day. Each lands in a DPO's or
 * officer's queue and is sealed and kept, so one signed-in phone could otherwise bury the queues
 * and grow its own record without end. Counted in the tables, so the same on every node; two
 * filings racing at the last place may both get in.
 */
@Component
@EnableConfigurationProperties(FilingQuota.Properties.class)
class FilingQuota {

    private final DailyQuota quota;
    private final Clock clock;

    FilingQuota(Properties properties, Clock clock) {
        this.quota = new DailyQuota(properties.filingsPerDay());
        this.clock = clock;
    }

    /** @param filingsPerDay complaints a household may lodge a day, and corrections and annotations it may ask */
    @Validated
    @ConfigurationProperties("registry.rights")
    record Properties(@Min(1) @DefaultValue("10") int filingsPerDay) {
    }

    /**
     * @param filedSince the household's filings of this kind since an instant (the start of today)
     * @throws FilingQuotaExhaustedException if they used the day's quota up
     */
    void requireRoom(ToLongFunction<Instant> filedSince) {
        quota.retryAfter(clock.instant(), filedSince).ifPresent(wait -> {
            throw new FilingQuotaExhaustedException(wait);
        });
    }
}
