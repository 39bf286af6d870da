package pk.registry.imports;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where an import stands.
 *
 * @param percent progress as a share of the file's bytes
 * @param failure why the whole file was refused, or the import given up, if it was
 */
public record ImportStatus(ImportId id, ImportState status, long linesRead, long householdsStored,
        long householdsRejected, int percent, Instant createdAt, @Nullable Instant finishedAt, @Nullable String failure) {

    public boolean completed() {
        return status == ImportState.COMPLETED;
    }
}
