package pk.registry.household;

import java.time.Duration;

/** The head's identity could not be checked now (the verification service did not answer); nothing was stored. */
public class IdentityCheckUnavailableException extends RuntimeException {

    private final Duration retryAfter;

    IdentityCheckUnavailableException(Duration retryAfter) {
        super("the identity verification service is unavailable");
        this.retryAfter = retryAfter;
    }

    /** When to try again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
