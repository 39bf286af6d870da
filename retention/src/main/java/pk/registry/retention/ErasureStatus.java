package pk.registry.retention;

/** Where an erasure request stands. */
public enum ErasureStatus {
    /** Asked for; the DPO has not decided. */
    REQUESTED,
    /** Approved; the next erasure run carries it out (unless a legal hold defers it). */
    APPROVED,
    /** Refused, citing a legal ground. */
    REFUSED,
    /** Carried out; its deletion certificate is issued. */
    COMPLETED
}
