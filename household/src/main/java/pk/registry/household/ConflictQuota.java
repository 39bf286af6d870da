package pk.registry.household;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import pk.registry.kernel.Pakistan;

/**
 * The arithmetic of an applicant's daily quota of conflicting submissions: a Pakistani day, from
 * midnight in Pakistan to the next; used up once the day holds {@code perDay} conflicts; free
 * again at the next midnight.
 */
final class ConflictQuota {

    private final int perDay;

    ConflictQuota(int perDay) {
        if (perDay < 1) {
            throw new IllegalArgumentException("the quota must allow at least one conflict a day");
        }
        this.perDay = perDay;
    }

    /** The instant the Pakistani day of {@code now} began: conflicts from then on count. */
    static Instant dayStart(Instant now) {
        return LocalDate.ofInstant(now, Pakistan.ZONE).atStartOfDay(Pakistan.ZONE).toInstant();
    }

    /**
     * @param usedToday the applicant's conflicts recorded since {@link #dayStart}
     * @return how long until the quota frees, if it is used up; empty while submissions are allowed
     */
    Optional<Duration> retryAfter(long usedToday, Instant now) {
        if (usedToday < perDay) {
            return Optional.empty();
        }
        Instant nextDay = LocalDate.ofInstant(now, Pakistan.ZONE).plusDays(1).atStartOfDay(Pakistan.ZONE).toInstant();
        return Optional.of(Duration.between(now, nextDay));
    }
}
