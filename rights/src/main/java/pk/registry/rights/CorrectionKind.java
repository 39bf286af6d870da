package pk.registry.rights;

/** What a household asks of a field of its record. */
public enum CorrectionKind {
    /** A new value, applied once a field officer of the district or the DPO approves it. */
    CORRECTION,
    /** A statement of the household's own, attached to the record as it is (seed 000). */
    ANNOTATION
}
