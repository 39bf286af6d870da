package pk.registry.household;

/** Why an applicant's own registration was refused as a conflict (recorded for the DPO, counted against a daily quota). */
public enum ConflictKind {
    /** A member's CNIC is already held by another household. */
    CNIC_REGISTERED,
    /** The applicant already owns a household that is in the registry. */
    SECOND_HOUSEHOLD,
    /** The head's CNIC is not confirmed to belong to the applicant's verified mobile. */
    IDENTITY_NOT_CONFIRMED
}
