package pk.registry.audit;

/** How an audited action ended. */
public enum AuditOutcome {
    /** It was done. */
    SUCCESS,
    /** It was refused: out of the caller's scope, or the purpose gate said no. */
    DENIED
}
