package pk.registry.household;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import pk.registry.consent.ConsentRecord;
import pk.registry.kernel.HouseholdId;

/**
 * A household application as its owner (or a field officer of its district) may see it, with
 * its proxy-means-test score and how each factor made it.
 *
 * @param score the most recent score; {@code null} until the household is scored
 */
public record Application(HouseholdId id, HouseholdStatus status, Instant submittedAt, HouseholdForm household,
        @Nullable PmtScore score, List<ConsentRecord> consents) {

    @Override
    public String toString() {
        return "Application[" + id + "]";
    }
}
