package pk.registry.imports;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Where an import stands.
 *
 * @param status STARTING, STARTED, COMPLETED or FAILED
 * @param percent progress as a share of the file's bytes
 * @param failure why the whole file was refused, if it was
 */
public record ImportStatus(UUID id, String status, long linesRead, long householdsStored, long householdsRejected,
        int percent, Instant createdAt, @Nullable Instant finishedAt, @Nullable String failure) {
}
