package pk.registry.household;

import java.time.Instant;
import java.util.List;

import pk.registry.consent.ConsentRecord;
import pk.registry.kernel.HouseholdId;

/**
 * A household application as its owner (or a field officer of its district) may see it.
 */
public record Application(HouseholdId id, HouseholdStatus status, Instant submittedAt, HouseholdForm household,
        List<ConsentRecord> consents) {

    @Override
    public String toString() {
        return "Application[" + id + "]";
    }
}
