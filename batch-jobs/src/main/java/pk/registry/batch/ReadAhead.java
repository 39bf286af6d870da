package pk.registry.batch;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.core.task.TaskExecutor;

/**
 * Reads and processes items ahead, on a thread of its own, while the chunk thread stores the
 * previous ones: the next households' reading, checking, scoring and sealing overlap with the
 * database work of the current chunk.
 * <p>
 * Restarts stay exact. After every item the delegate reader's state is captured, and
 * {@link #update} saves the state as of the last item handed to the step, never the
 * read-ahead position: items read ahead but not yet written are read again after a crash.
 * A failure on the reading thread is thrown, unchanged, by the next {@link #read}.
 */
public class ReadAhead<I, O> implements ItemStreamReader<O> {

    private final ItemStreamReader<I> reader;
    private final ItemProcessor<I, O> processor;
    private final TaskExecutor executor;
    private final int capacity;

    private @Nullable BlockingQueue<Ahead<O>> queue;
    private @Nullable CountDownLatch finished;
    private volatile boolean stopped;
    private boolean ended;
    private ExecutionContext handedOut = new ExecutionContext();

    /**
     * One item read and processed ahead (null if filtered), with the reader's state just
     * after reading it; or the end of the input; or the failure that stopped the reading.
     */
    private record Ahead<O>(@Nullable O item, ExecutionContext state, boolean end, @Nullable Throwable failure) {
    }

    /**
     * @param capacity how many processed items may wait for the chunk thread
     */
    public ReadAhead(ItemStreamReader<I> reader, ItemProcessor<I, O> processor, TaskExecutor executor, int capacity) {
        this.reader = reader;
        this.processor = processor;
        this.executor = executor;
        this.capacity = capacity;
    }

    @Override
    public void open(ExecutionContext context) {
        reader.open(context);
        handedOut = state();
        queue = new ArrayBlockingQueue<>(capacity);
        finished = new CountDownLatch(1);
        stopped = false;
        ended = false;
        executor.execute(this::readAhead);
    }

    private void readAhead() {
        try {
            while (!stopped) {
                I input = reader.read();
                ExecutionContext state = state();
                if (input == null) {
                    put(new Ahead<>(null, state, true, null));
                    return;
                }
                // A filtered item (null) still moves the saved state forward.
                put(new Ahead<>(processor.process(input), state, false, null));
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (Throwable ex) {
            try {
                put(new Ahead<>(null, new ExecutionContext(), false, ex));
            }
            catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        finally {
            finished().countDown();
        }
    }

    /** Waits for room, but gives up as soon as the step closes the reader. */
    private void put(Ahead<O> ahead) throws InterruptedException {
        while (!stopped) {
            if (queue().offer(ahead, 100, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    private ExecutionContext state() {
        ExecutionContext state = new ExecutionContext();
        reader.update(state);
        return state;
    }

    @Override
    public @Nullable O read() throws Exception {
        while (!ended) {
            Ahead<O> next = queue().take();
            Throwable failure = next.failure();
            if (failure != null) {
                ended = true;
                if (failure instanceof Error error) {
                    throw error;
                }
                throw (Exception) failure;
            }
            handedOut = next.state();
            ended = next.end();
            if (next.item() != null) {
                return next.item();
            }
        }
        return null;
    }

    @Override
    public void update(ExecutionContext context) {
        for (Map.Entry<String, Object> entry : handedOut.entrySet()) {
            context.put(entry.getKey(), entry.getValue());
        }
    }

    @Override
    public void close() {
        stopped = true;
        try {
            if (finished != null && !finished.await(30, TimeUnit.SECONDS)) {
                throw new ItemStreamException("the read-ahead thread did not stop");
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        finally {
            queue = null;
            reader.close();
        }
    }

    private BlockingQueue<Ahead<O>> queue() {
        if (queue == null) {
            throw new IllegalStateException("the reader is not open");
        }
        return queue;
    }

    private CountDownLatch finished() {
        if (finished == null) {
            throw new IllegalStateException("the reader is not open");
        }
        return finished;
    }
}
