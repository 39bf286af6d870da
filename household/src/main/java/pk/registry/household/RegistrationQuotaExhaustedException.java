package pk.registry.household;

import java.time.Duration;

/**
 * The applicant used up the day's quota of conflicting submissions: any submission is refused
 * until it frees, before anything is checked against the registry.
 */
public class RegistrationQuotaExhaustedException extends RuntimeException {

    private final Duration retryAfter;

    RegistrationQuotaExhaustedException(Duration retryAfter) {
        super("the day's quota of conflicting submissions is used up");
        this.retryAfter = retryAfter;
    }

    /** How long until the quota frees (the next day in Pakistan). */
    public Duration retryAfter() {
        return retryAfter;
    }
}
