package pk.registry.sharing;

/** What a disclosure gave away. */
public enum DisclosureOutcome {
    /** An answer about a registered person. */
    ANSWERED,
    /** An answer of the same shape about a CNIC that no household holds (household unknown). */
    NOT_REGISTERED,
    /** A subscriber was told that its answer changed. */
    NOTIFIED,
    /** Data given to an authority under a court order, a warrant or a danger to life. */
    LEGAL
}
