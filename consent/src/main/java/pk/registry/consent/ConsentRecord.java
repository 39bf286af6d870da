package pk.registry.consent;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import pk.registry.kernel.Purpose;

/**
 * A recorded consent as its household may see it: the policy version it was given under, each
 * purpose's current status, how and when it was given. Frozen once given; only the purposes'
 * statuses change.
 */
public record ConsentRecord(UUID id, String policyVersion, Map<Purpose, ConsentStatus> purposes, ConsentMethod method,
        Instant givenAt) {

    /** Whether the purpose was given with this record and not withdrawn since. */
    public boolean isActive(Purpose purpose) {
        return purposes.get(purpose) == ConsentStatus.GIVEN;
    }
}
