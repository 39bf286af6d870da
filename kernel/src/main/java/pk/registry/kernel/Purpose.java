package pk.registry.kernel;

/**
 * Why personal data is used. Every use names one; the consent module's catalogue says which
 * data categories and legal basis each purpose has.
 */
public enum Purpose {
    IDENTITY_VERIFICATION,
    ELIGIBILITY_ASSESSMENT,
    COMMUNICATION,
    SERVICE_IMPROVEMENT,
    LEGAL_COMPLIANCE
}
