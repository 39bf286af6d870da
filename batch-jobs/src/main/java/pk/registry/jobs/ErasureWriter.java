package pk.registry.jobs;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

import pk.registry.kernel.Actor;
import pk.registry.retention.Erasures;

/**
 * Carries out a chunk of requests in the chunk's transaction and counts their outcomes. The
 * counts reach the report ({@code report.erased}, {@code report.deferred}, {@code report.skipped})
 * only with a committed chunk, so a restart counts on from the last commit.
 */
class ErasureWriter implements ItemStreamWriter<Erasures.Approved> {

    private final Erasures erasures;
    private final Actor job;
    private final Map<Erasures.Outcome, Long> outcomes = new EnumMap<>(Erasures.Outcome.class);

    ErasureWriter(Erasures erasures, Actor job) {
        this.erasures = erasures;
        this.job = job;
    }

    @Override
    public void open(ExecutionContext context) {
        for (Erasures.Outcome outcome : Erasures.Outcome.values()) {
            outcomes.put(outcome, context.getLong(key(outcome), 0L));
        }
    }

    @Override
    public void write(Chunk<? extends Erasures.Approved> requests) {
        List<UUID> ids = requests.getItems().stream().map(Erasures.Approved::request).toList();
        for (Erasures.Outcome outcome : erasures.carryOutAll(job, ids)) {
            outcomes.merge(outcome, 1L, Long::sum);
        }
    }

    @Override
    public void update(ExecutionContext context) {
        outcomes.forEach((outcome, count) -> context.putLong(key(outcome), count));
    }

    private static String key(Erasures.Outcome outcome) {
        return JobRuns.REPORT_PREFIX + outcome.name().toLowerCase(Locale.ROOT);
    }
}
