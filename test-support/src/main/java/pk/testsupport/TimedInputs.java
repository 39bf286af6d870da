package pk.testsupport;

import static org.junit.jupiter.api.Assertions.assertTimeout;

import java.time.Duration;

import org.junit.jupiter.api.function.Executable;

/**
 * A fuzz test's bound on the time of one input: each input must end within the limit, except
 * the first one a test class runs in its JVM, which loads (and, when fuzzing, instruments) the
 * code under test and is not timed. One per fuzz test class.
 */
public final class TimedInputs {

    private final Duration limit;
    private boolean warm;

    public TimedInputs(Duration limit) {
        this.limit = limit;
    }

    /** Runs one input, failing if it takes longer than the limit (after the first, which warms up). */
    public synchronized void run(Executable input) throws Throwable {
        if (warm) {
            assertTimeout(limit, input);
        }
        else {
            warm = true;
            input.execute();
        }
    }
}
