package pk.registry.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** A Pakistani day's quota: counted from midnight in Pakistan (UTC+5), free again at the next. */
class DailyQuotaTests {

    private final DailyQuota quota = new DailyQuota(3);

    @Test
    void theDayStartsAtMidnightInPakistanNotInUtc() {
        assertThat(DailyQuota.dayStart(Instant.parse("2026-03-10T18:30:00Z"))).isEqualTo("2026-03-09T19:00:00Z");
        assertThat(DailyQuota.dayStart(Instant.parse("2026-03-10T19:00:00Z"))).isEqualTo("2026-03-10T19:00:00Z");
        assertThat(DailyQuota.dayStart(Instant.parse("2026-03-10T03:00:00Z"))).isEqualTo("2026-03-09T19:00:00Z");
    }

    @Test
    void submissionsAreAllowedWhileTheDayHoldsFewerConflictsThanTheQuota() {
        Instant now = Instant.parse("2026-03-10T06:00:00Z");

        assertThat(quota.retryAfter(0, now)).isEmpty();
        assertThat(quota.retryAfter(2, now)).isEmpty();
    }

    @Test
    void onceUsedUpTheApplicantWaitsUntilTheNextMidnightInPakistan() {
        // 23:30 in Pakistan: half an hour to go
        assertThat(quota.retryAfter(3, Instant.parse("2026-03-10T18:30:00Z"))).contains(Duration.ofMinutes(30));
        // 11:00 in Pakistan
        assertThat(quota.retryAfter(7, Instant.parse("2026-03-10T06:00:00Z"))).contains(Duration.ofHours(13));
        // midnight exactly: a whole day
        assertThat(quota.retryAfter(3, Instant.parse("2026-03-10T19:00:00Z"))).contains(Duration.ofDays(1));
    }

    @Test
    void theQuotaAllowsAtLeastOneConflict() {
        assertThat(new DailyQuota(1).retryAfter(0, Instant.EPOCH)).isEmpty();
        assertThat(new DailyQuota(1).retryAfter(1, Instant.EPOCH)).isPresent();
        assertThatThrownBy(() -> new DailyQuota(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
