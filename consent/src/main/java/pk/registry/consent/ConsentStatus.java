package pk.registry.consent;

/** A purpose's state within a consent record. */
public enum ConsentStatus {
    /** Given with the record, and not withdrawn since. */
    GIVEN,
    /** Withdrawn: no processing for that purpose from then on. */
    WITHDRAWN
}
