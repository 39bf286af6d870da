package pk.registry.household;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import pk.registry.consent.ConsentManagement.ConsentRecord;

/**
 * A household application as its owner (or a field officer of its district) may see it.
 */
public record Application(UUID id, String status, Instant submittedAt, HouseholdForm household,
        List<ConsentRecord> consents) {

    @Override
    public String toString() {
        return "Application[" + id + "]";
    }
}
