package pk.registry.jobs;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Ids in id order, a page at a time, from a query for the page after a given id. Its state is
 * the last id handed out, saved with each committed chunk: a restart goes on after it.
 *
 * @param <T> the id, whose {@code toString} the parser reads back
 */
class IdOrderReader<T> implements ItemStreamReader<T> {

    static final String AFTER = "after";

    private final BiFunction<@Nullable T, Integer, List<T>> pageAfter;
    private final Function<String, T> parser;
    private final int pageSize;
    private @Nullable T after;
    private List<T> page = List.of();
    private int next;

    IdOrderReader(BiFunction<@Nullable T, Integer, List<T>> pageAfter, Function<String, T> parser, int pageSize) {
        this.pageAfter = pageAfter;
        this.parser = parser;
        this.pageSize = pageSize;
    }

    @Override
    public void open(ExecutionContext context) {
        after = context.containsKey(AFTER) ? parser.apply(context.getString(AFTER)) : null;
    }

    @Override
    public @Nullable T read() {
        if (next == page.size()) {
            page = pageAfter.apply(after, pageSize);
            next = 0;
            if (page.isEmpty()) {
                return null;
            }
        }
        after = page.get(next++);
        return after;
    }

    @Override
    public void update(ExecutionContext context) {
        if (after != null) {
            context.putString(AFTER, after.toString());
        }
    }
}
