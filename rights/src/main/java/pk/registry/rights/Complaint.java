package pk.registry.rights;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import pk.registry.kernel.HouseholdId;

/**
 * A complaint to the DPO as its household and the DPO see it.
 *
 * @param reference what the household quotes when it writes or calls ({@code C-2026-7KQ3M9XD})
 * @param text the household's own words
 * @param answer the DPO's answer, once given
 */
public record Complaint(UUID id, String reference, HouseholdId household, ComplaintStatus status, String text,
        Instant lodgedAt, @Nullable String answer, @Nullable Instant answeredAt) {

    @Override
    public String toString() {
        return "Complaint[" + reference + ", " + status + "]";
    }
}
