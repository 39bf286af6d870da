package pk.registry.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

class ReadAheadTests {

    @Test
    void handsOutEveryProcessedItemInOrder() throws Exception {
        ReadAhead<Integer, String> reader = readAhead(new Numbers(500), n -> "#" + n, 8);
        reader.open(new ExecutionContext());
        List<String> items = new ArrayList<>();
        String item;
        while ((item = reader.read()) != null) {
            items.add(item);
        }
        reader.close();
        assertThat(items).hasSize(500).startsWith("#1", "#2").endsWith("#500");
        assertThat(reader.read()).isNull();
    }

    @Test
    void savesTheStateOfTheLastItemHandedOutNotOfTheReadAhead() throws Exception {
        Numbers numbers = new Numbers(100);
        ReadAhead<Integer, String> reader = readAhead(numbers, n -> "#" + n, 10);
        reader.open(new ExecutionContext());
        for (int i = 0; i < 3; i++) {
            reader.read();
        }
        awaitReadAhead(numbers, 13);
        ExecutionContext saved = new ExecutionContext();
        reader.update(saved);
        reader.close();
        assertThat(numbers.read.get()).isGreaterThanOrEqualTo(13);
        assertThat(saved.getInt(Numbers.STATE)).isEqualTo(3);
    }

    @Test
    void restartsWhereTheSavedStateSays() throws Exception {
        ExecutionContext saved = new ExecutionContext();
        saved.putInt(Numbers.STATE, 40);
        ReadAhead<Integer, String> reader = readAhead(new Numbers(42), n -> "#" + n, 4);
        reader.open(saved);
        assertThat(reader.read()).isEqualTo("#41");
        assertThat(reader.read()).isEqualTo("#42");
        assertThat(reader.read()).isNull();
        ExecutionContext end = new ExecutionContext();
        reader.update(end);
        reader.close();
        assertThat(end.getInt(Numbers.STATE)).isEqualTo(42);
    }

    @Test
    void filteredItemsAreSkippedButMoveTheStateOn() throws Exception {
        ReadAhead<Integer, String> reader = readAhead(new Numbers(6), n -> n % 2 == 0 ? null : "#" + n, 2);
        reader.open(new ExecutionContext());
        assertThat(reader.read()).isEqualTo("#1");
        assertThat(reader.read()).isEqualTo("#3");
        ExecutionContext saved = new ExecutionContext();
        reader.update(saved);
        assertThat(saved.getInt(Numbers.STATE)).isEqualTo(3);
        assertThat(reader.read()).isEqualTo("#5");
        assertThat(reader.read()).isNull();
        reader.update(saved);
        reader.close();
        assertThat(saved.getInt(Numbers.STATE)).isEqualTo(6);
    }

    @Test
    void aFailureOnTheReadingThreadIsThrownUnchangedAfterTheItemsBeforeIt() throws Exception {
        IllegalStateException failure = new IllegalStateException("item 4 is broken");
        ReadAhead<Integer, String> reader = readAhead(new Numbers(10), n -> {
            if (n == 4) {
                throw failure;
            }
            return "#" + n;
        }, 4);
        reader.open(new ExecutionContext());
        assertThat(List.of(reader.read(), reader.read(), reader.read())).containsExactly("#1", "#2", "#3");
        assertThatThrownBy(reader::read).isSameAs(failure);
        ExecutionContext saved = new ExecutionContext();
        reader.update(saved);
        reader.close();
        assertThat(saved.getInt(Numbers.STATE)).isEqualTo(3);
    }

    @Test
    void closingStopsAReaderThatWaitsForRoomAndClosesTheDelegate() throws Exception {
        Numbers numbers = new Numbers(1_000_000);
        ReadAhead<Integer, String> reader = readAhead(numbers, n -> "#" + n, 2);
        reader.open(new ExecutionContext());
        reader.read();
        awaitReadAhead(numbers, 3);
        reader.close();
        int readWhenClosed = numbers.read.get();
        Thread.sleep(200);
        assertThat(numbers.read.get()).isEqualTo(readWhenClosed).isLessThan(10);
        assertThat(numbers.closed).isTrue();
    }

    private static ReadAhead<Integer, String> readAhead(Numbers numbers, ItemProcessor<Integer, String> processor,
            int capacity) {
        return new ReadAhead<>(numbers, processor, new SimpleAsyncTaskExecutor("read-ahead-test-"), capacity);
    }

    private static void awaitReadAhead(Numbers numbers, int count) throws InterruptedException {
        for (int i = 0; i < 500 && numbers.read.get() < count; i++) {
            Thread.sleep(10);
        }
    }

    /** 1, 2, … n; its state is how many it has handed out. */
    private static final class Numbers implements ItemStreamReader<Integer> {
        static final String STATE = "numbers.read";
        private final int last;
        final AtomicInteger read = new AtomicInteger();
        volatile boolean closed;

        Numbers(int last) {
            this.last = last;
        }

        @Override
        public void open(ExecutionContext context) {
            read.set(context.getInt(STATE, 0));
        }

        @Override
        public @Nullable Integer read() {
            return read.get() < last ? read.incrementAndGet() : null;
        }

        @Override
        public void update(ExecutionContext context) {
            context.putInt(STATE, read.get());
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
