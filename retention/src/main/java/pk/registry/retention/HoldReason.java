package pk.registry.retention;

/** Why data must be kept although its retention period ran out or its erasure was asked for. */
public enum HoldReason {
    /** An open fraud investigation. */
    FRAUD_INVESTIGATION,
    /** A benefit paid to the household is under audit. */
    BENEFIT_AUDIT,
    /** A court ordered the data kept. */
    COURT_ORDER,
    /** The data is evidence in litigation. */
    LITIGATION
}
