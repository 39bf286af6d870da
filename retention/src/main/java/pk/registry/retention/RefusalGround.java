package pk.registry.retention;

/** The legal ground on which an erasure is refused ("subject to certain legal limitations", seed 001 §7). */
public enum RefusalGround {
    /** A fraud case about the household is open. */
    OPEN_FRAUD_CASE,
    /** A benefit paid to the household is under audit. */
    BENEFIT_UNDER_AUDIT,
    /** A court ordered the data kept. */
    COURT_ORDER,
    /** A law requires the data to be kept. */
    LEGAL_OBLIGATION
}
