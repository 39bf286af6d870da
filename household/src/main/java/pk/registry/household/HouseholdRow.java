package pk.registry.household;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import pk.registry.kernel.HouseholdId;

/**
 * A household's row: clear columns for scope, statistics and workflow; blind-index tokens
 * (32 bytes each) for look-ups; the wrapped data key; and the three sealed parts.
 *
 * @param ownerToken the blind index of the owning applicant's mobile, null if no applicant may see it online
 *        ({@link Owners})
 * @param mobileToken the blind index of the household's own mobile (its contact, not its owner)
 * @param updatedAt when the row last changed (stored, or corrected)
 */
record HouseholdRow(HouseholdId id, HouseholdStatus status, String district, int memberCount, Instant createdAt,
        byte @Nullable [] ownerToken, byte[] mobileToken, byte[] wrappedKey, int masterKeyId, byte[] contact,
        byte[] circumstances, byte[] members, Instant updatedAt) {

    /** The same row owned by another applicant, or by none ({@link Owners}). */
    HouseholdRow ownedBy(byte @Nullable [] owner) {
        return new HouseholdRow(id, status, district, memberCount, createdAt, owner, mobileToken, wrappedKey, masterKeyId,
                contact, circumstances, members, updatedAt);
    }

    @Override
    public String toString() {
        return "HouseholdRow[" + id + "]";
    }
}
