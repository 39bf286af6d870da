package pk.registry.household;

import java.security.MessageDigest;
import java.util.Optional;

import org.springframework.stereotype.Component;

import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.HouseholdOwnership;
import pk.registry.kernel.Role;
import pk.registry.keys.BlindIndex;

/**
 * Whose household is whose, decided here and nowhere else. An applicant owns the households
 * they submitted while signed in with their verified mobile; a household a field officer
 * collected in person is owned by the mobile the officer recorded on its form. A mobile an
 * applicant types into a form of their own makes that household nobody else's.
 */
@Component
class Owners implements HouseholdOwnership {

    private final Households households;
    private final BlindIndex blindIndex;

    Owners(Households households, BlindIndex blindIndex) {
        this.households = households;
        this.blindIndex = blindIndex;
    }

    @Override
    public Optional<HouseholdId> householdOf(Actor applicant) {
        return applicant.is(Role.APPLICANT) ? households.newestOwnedBy(tokenOf(applicant)) : Optional.empty();
    }

    /**
     * The applicant's household that is still in the registry ({@link HouseholdStatus#SUBMITTED}), if
     * any: an applicant has at most one (see {@link Households#insertAll}).
     */
    Optional<HouseholdId> activeHouseholdOf(Actor applicant) {
        return households.newestActiveOwnedBy(tokenOf(applicant));
    }

    /** Whether the actor is the applicant who owns the household. */
    boolean owns(Actor actor, HouseholdRow household) {
        return actor.is(Role.APPLICANT) && household.ownerToken() != null
                && MessageDigest.isEqual(tokenOf(actor), household.ownerToken());
    }

    /** The owner token of a signed-in applicant: the blind index of their verified mobile. */
    byte[] tokenOf(Actor applicant) {
        if (!applicant.is(Role.APPLICANT)) {
            throw new IllegalArgumentException("only applicants own households");
        }
        return blindIndex.bytesOf(BlindIndex.Domain.MOBILE, applicant.subject());
    }
}
