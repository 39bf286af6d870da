package pk.testsupport;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work done in a transaction on a thread of its own and left uncommitted for a moment: what the
 * test does meanwhile meets that transaction's locks and uncommitted changes, as a second user
 * acting at the same moment would (an erasure and a legal hold, an erasure and a complaint's answer).
 */
public final class Uncommitted<T> implements AutoCloseable {

    /** How long the work's transaction stays open after it: well within H2's lock timeout of 2 s. */
    private static final long OPEN_MILLIS = 400;

    private final ExecutorService thread;
    private final Future<T> result;

    private Uncommitted(ExecutorService thread, Future<T> result) {
        this.thread = thread;
        this.result = result;
    }

    /** Starts the work and returns once it is done; its transaction commits a moment later. */
    public static <T> Uncommitted<T> start(PlatformTransactionManager transactions, Supplier<T> work)
            throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        Future<T> result = thread.submit(() -> new TransactionTemplate(transactions).execute(status -> {
            try {
                return work.get();
            }
            finally {
                done.countDown();
                keepOpen();
            }
        }));
        done.await();
        return new Uncommitted<>(thread, result);
    }

    /** What the work returned, once its transaction committed. */
    public T committed() throws InterruptedException, ExecutionException {
        return result.get();
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    private static void keepOpen() {
        try {
            Thread.sleep(OPEN_MILLIS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
