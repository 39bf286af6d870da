package pk.registry.retention;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import pk.registry.kernel.HouseholdId;

/**
 * A legal hold on a household: while it is placed (not released), nothing of the household is
 * erased or deleted by retention; deletions it blocks are deferred, not dropped.
 *
 * @param reference the case's reference (a court order's number, an investigation's file), never a person;
 *        sealed under the household's key, so none once the household is erased
 */
public record LegalHold(UUID id, HouseholdId household, HoldReason reason, @Nullable String reference, String placedBy,
        Instant placedAt, @Nullable String releasedBy, @Nullable Instant releasedAt) {

    public boolean placed() {
        return releasedAt == null;
    }
}
