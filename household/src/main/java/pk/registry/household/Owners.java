package pk.registry.household;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.HouseholdOwnership;
import pk.registry.kernel.Role;
import pk.registry.keys.BlindIndex;

/**
 * Whose household is whose, decided here and nowhere else. An applicant owns the household
 * they submitted while signed in with their verified mobile; a household a field officer
 * collected in person is owned by the mobile the officer recorded on its form. A mobile an
 * applicant types into a form of their own makes that household nobody else's.
 * <p>
 * A mobile owns one household in the registry at most, the first: an applicant's second
 * submission is refused, and a household collected in person whose mobile already owns one
 * (an applicant's own, or another form's: a village phone written on several) is stored
 * without an owner, seen online by nobody, rather than handing the first household's owner a
 * second family's data or hiding the first from them. A corrected mobile moves a household
 * owned by its mobile, or by nobody, to the new one (to nobody, if that one owns another
 * household): a number given up or recycled keeps no access.
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

    /**
     * A household collected in person, owned by the mobile on its form unless {@code owning}
     * (owner tokens, hex) already holds that mobile; then without an owner. Adds its owner to
     * {@code owning}.
     */
    SealedHousehold collected(SealedHousehold household, Set<String> owning) {
        byte[] owner = household.row().ownerToken();
        return owner == null || owning.add(HexFormat.of().formatHex(owner)) ? household : household.withoutOwner();
    }

    /**
     * A corrected household's row with its owner after the correction: a household owned by
     * its own mobile, or by nobody (collected under a mobile that owned another), follows a
     * corrected mobile, unless the new one owns another household in the registry (then nobody
     * owns it); an applicant who gave another contact mobile keeps theirs.
     */
    HouseholdRow afterCorrection(HouseholdRow before, HouseholdRow corrected) {
        byte[] owner = before.ownerToken();
        boolean followsItsMobile = owner == null || MessageDigest.isEqual(owner, before.mobileToken());
        if (!followsItsMobile || MessageDigest.isEqual(before.mobileToken(), corrected.mobileToken())) {
            return corrected.ownedBy(owner);
        }
        byte[] mobile = corrected.mobileToken();
        return corrected.ownedBy(households.newestActiveOwnedBy(mobile).isPresent() ? null : mobile);
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
