package pk.registry.kernel;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * The arithmetic of a daily quota (an applicant's conflicting submissions, a household's
 * complaints): a Pakistani day, from midnight in Pakistan to the next; used up once the day holds
 * {@code perDay} uses; free again at the next midnight. What counts as a use is counted by its
 * owner, in the database, so that every node sees the same count.
 */
public final class DailyQuota {

    private final int perDay;

    public DailyQuota(int perDay) {
        if (perDay < 1) {
            throw new IllegalArgumentException("a daily quota allows at least one a day");
        }
        this.perDay = perDay;
    }

    /** The instant the Pakistani day of {@code now} began: uses from then on count. */
    public static Instant dayStart(Instant now) {
        return LocalDate.ofInstant(now, Pakistan.ZONE).atStartOfDay(Pakistan.ZONE).toInstant();
    }

    /**
     * @param usedSince the owner's count of uses since an instant, asked for the start of today
     * @return how long until the quota frees, if it is used up; empty while it allows another
     */
    public Optional<Duration> retryAfter(Instant now, ToLongFunction<Instant> usedSince) {
        return retryAfter(usedSince.applyAsLong(dayStart(now)), now);
    }

    /**
     * @param usedToday the uses recorded since {@link #dayStart}
     * @return how long until the quota frees, if it is used up; empty while it allows another
     */
    public Optional<Duration> retryAfter(long usedToday, Instant now) {
        if (usedToday < perDay) {
            return Optional.empty();
        }
        Instant nextDay = LocalDate.ofInstant(now, Pakistan.ZONE).plusDays(1).atStartOfDay(Pakistan.ZONE).toInstant();
        return Optional.of(Duration.between(now, nextDay));
    }
}
