package pk.registry.rights;

/** Where a complaint stands. */
public enum ComplaintStatus {
    /** Lodged; the DPO has not answered. */
    OPEN,
    /** The DPO answered; the answer is final (a further complaint is a new one). */
    ANSWERED
}
