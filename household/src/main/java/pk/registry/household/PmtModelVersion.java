package pk.registry.household;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A published model version and whether it is the one that scores households now. */
public record PmtModelVersion(PmtModel model, boolean active, Instant publishedAt, @Nullable Instant activatedAt) {
}
