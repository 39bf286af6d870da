package pk.registry.jobs;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Items in the order of their ids, a page at a time, from a query for the page after a given id.
 * Its state is the id of the last item handed out, saved with each committed chunk: a restart
 * goes on after it.
 *
 * @param <T> the item
 * @param <K> its id, whose {@code toString} the parser reads back
 */
class IdOrderReader<T, K> implements ItemStreamReader<T> {

    static final String AFTER = "after";

    private final BiFunction<@Nullable K, Integer, List<T>> pageAfter;
    private final Function<T, K> idOf;
    private final Function<String, K> parser;
    private final int pageSize;
    private @Nullable K after;
    private List<T> page = List.of();
    private int next;

    IdOrderReader(BiFunction<@Nullable K, Integer, List<T>> pageAfter, Function<T, K> idOf, Function<String, K> parser,
            int pageSize) {
        this.pageAfter = pageAfter;
        this.idOf = idOf;
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
        T item = page.get(next++);
        after = idOf.apply(item);
        return item;
    }

    @Override
    public void update(ExecutionContext context) {
        if (after != null) {
            context.putString(AFTER, after.toString());
        }
    }
}
