package pk.registry.sharing;

/** Whether an agreement may be used. */
public enum AgreementStatus {
    /** Answers are given within its dates. */
    ACTIVE,
    /** Suspended by an administrator: every request is refused. */
    SUSPENDED
}
