package pk.registry.audit;

/** What was done; the name is what the trail stores and hashes. */
public enum AuditAction {
    /** A household was stored (applicant submission or field officer's upload). */
    HOUSEHOLD_CREATED,
    /** One household's personal data was read, or the attempt was refused. */
    HOUSEHOLD_READ,
    /** Aggregate counts were read. */
    STATISTICS_READ,
    /** The household read its own consents. */
    CONSENT_READ,
    /** The household gave consent again (e.g. to a newer policy version). */
    CONSENT_GIVEN,
    /** The household withdrew an optional purpose. */
    CONSENT_WITHDRAWN,
    /** The household read its disclosure log. */
    DISCLOSURES_READ,
    /** The DPO recorded a disclosure made under a court order, a warrant or a danger to life. */
    LEGAL_DISCLOSURE_RECORDED
}
