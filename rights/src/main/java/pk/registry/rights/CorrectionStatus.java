package pk.registry.rights;

/** Where a correction stands. */
public enum CorrectionStatus {
    /** Waiting for a field officer of the district or the DPO. */
    PENDING,
    /** Applied to the record. */
    APPROVED,
    /** Not applied; the decision says why. */
    REJECTED,
    /** An annotation: attached to the record, nothing to decide. */
    ATTACHED
}
