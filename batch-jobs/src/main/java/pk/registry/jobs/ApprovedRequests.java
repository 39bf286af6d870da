package pk.registry.jobs;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import pk.registry.retention.ErasureRequest;
import pk.registry.retention.Erasures;

/**
 * Approved erasure requests, by id in id order, a page at a time. Its state is the last id
 * handed out, saved with each committed chunk: a restart goes on after it. A request a hold
 * deferred stays approved, behind the reader; the next run reads it again.
 */
class ApprovedRequests implements ItemStreamReader<UUID> {

    static final String AFTER = "after";

    private final Erasures erasures;
    private final int pageSize;
    private @Nullable UUID after;
    private List<UUID> page = List.of();
    private int next;

    ApprovedRequests(Erasures erasures, int pageSize) {
        this.erasures = erasures;
        this.pageSize = pageSize;
    }

    @Override
    public void open(ExecutionContext context) {
        after = context.containsKey(AFTER) ? UUID.fromString(context.getString(AFTER)) : null;
    }

    @Override
    public @Nullable UUID read() {
        if (next == page.size()) {
            page = erasures.approved(after, pageSize).stream().map(ErasureRequest::id).toList();
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
