package pk.registry.retention;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import pk.registry.kernel.HouseholdId;

/**
 * A household's request to be erased and where it stands: the DPO's decision (a refusal cites
 * its legal ground), a deferral by a legal hold, and once carried out the deletion certificate
 * (a JWS signed by the service, verifiable with its published keys).
 */
public record ErasureRequest(UUID id, HouseholdId household, ErasureStatus status, Instant requestedAt,
        @Nullable Instant decidedAt, @Nullable RefusalGround refusalGround, @Nullable String refusalNote,
        @Nullable Instant deferredAt, @Nullable Instant completedAt, @Nullable String certificate) {

    @Override
    public String toString() {
        return "ErasureRequest[" + id + ", " + status + "]";
    }
}
