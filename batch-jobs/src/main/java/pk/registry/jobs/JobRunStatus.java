package pk.registry.jobs;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Where a job run stands: Spring Batch's status, how many items it read and wrote, and its
 * report (counts and versions only).
 *
 * @param continuedBy the run that restarted this one after it failed or its node died (its
 *        progress and report include this one's), if any
 */
public record JobRunStatus(long id, RegistryJob job, String status, @Nullable Instant startedAt,
        @Nullable Instant endedAt, long read, long written, Map<String, Object> report, @Nullable Long continuedBy) {

    public boolean finished() {
        return !"STARTING".equals(status) && !"STARTED".equals(status) && !"STOPPING".equals(status);
    }
}
