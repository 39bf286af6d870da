package pk.registry.sharing;

import java.time.Duration;

/** The agreement's daily quota of answers is used up. */
public class QuotaExceededException extends RuntimeException {

    private final Duration retryAfter;

    QuotaExceededException(Duration retryAfter) {
        super("the agreement's daily quota is used up");
        this.retryAfter = retryAfter;
    }

    /** When the next answer will be allowed. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
