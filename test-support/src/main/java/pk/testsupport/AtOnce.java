package pk.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Callers racing each other: each on a thread of its own, all released at the same moment, so
 * that what a check-then-act leaves open (two approvals of one household, a quota counted
 * before its insert) shows.
 */
public final class AtOnce {

    private AtOnce() {
    }

    /** What one caller does; its number is 0 to callers - 1. */
    @FunctionalInterface
    public interface Caller<T> {
        T call(int caller) throws Exception;
    }

    /**
     * Runs the callers at once and waits for them all.
     * @return what each returned, in the callers' order
     * @throws AssertionError if one of them threw (a caller returns what it expects to happen, a refusal too)
     */
    public static <T> List<T> run(int callers, Caller<T> caller) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            List<Future<T>> outcomes = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                int number = i;
                outcomes.add(threads.submit(() -> {
                    start.await();
                    return caller.call(number);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> outcome : outcomes) {
                results.add(outcome.get());
            }
            return results;
        }
        catch (ExecutionException ex) {
            throw new AssertionError("a caller failed: " + ex.getCause(), ex.getCause());
        }
        finally {
            threads.shutdownNow();
        }
    }
}
