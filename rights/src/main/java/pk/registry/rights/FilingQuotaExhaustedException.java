package pk.registry.rights;

import java.time.Duration;

/**
 * The household filed as many complaints, or corrections and annotations, today as a day allows;
 * nothing of this one was kept.
 */
public class FilingQuotaExhaustedException extends RuntimeException {

    private final Duration retryAfter;

    FilingQuotaExhaustedException(Duration retryAfter) {
        super("the day's quota of filings is used up");
        this.retryAfter = retryAfter;
    }

    /** How long until the quota frees (the next day in Pakistan). */
    public Duration retryAfter() {
        return retryAfter;
    }
}
