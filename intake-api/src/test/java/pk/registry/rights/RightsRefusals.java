package pk.registry.rights;

import java.time.Duration;

/** The rights module's refusals, whose constructors it keeps to itself, for web tests with mocked facades. */
public final class RightsRefusals {

    private RightsRefusals() {
    }

    public static RightsConflictException conflict(String message) {
        return new RightsConflictException(message);
    }

    public static FilingQuotaExhaustedException filingQuotaExhausted(Duration retryAfter) {
        return new FilingQuotaExhaustedException(retryAfter);
    }
}
