package pk.registry.household;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import pk.registry.kernel.HouseholdId;

/**
 * A refused self-registration, as the DPO reads it. Holds no CNIC, name or mobile.
 *
 * @param applicant a pseudonymous reference to the applicant: the same for every conflict of one
 *        applicant, derived from their owner token (a keyed blind index of the verified mobile), never the mobile
 * @param household for {@link ConflictKind#CNIC_REGISTERED}, the household that holds the first colliding
 *        CNIC; for {@link ConflictKind#SECOND_HOUSEHOLD}, the applicant's household; otherwise {@code null}
 * @param memberPositions for {@link ConflictKind#CNIC_REGISTERED}, the positions of the colliding members in
 *        the submitted list; otherwise empty
 */
public record RegistrationConflict(UUID id, Instant occurredAt, ConflictKind kind, String applicant,
        @Nullable HouseholdId household, List<Integer> memberPositions) {

    public RegistrationConflict {
        memberPositions = List.copyOf(memberPositions);
    }
}
