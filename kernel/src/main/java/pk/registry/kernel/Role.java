package pk.registry.kernel;

/**
 * The roles of the registry's HTTP contract. A token carries exactly one of them.
 */
public enum Role {
    /** A person applying for, or looking after, their household. */
    APPLICANT,
    /** Staff collecting household forms in the districts they serve. */
    FIELD_OFFICER,
    /** An approved agency bound to one data-sharing agreement. */
    PARTNER,
    /** The Data Protection Officer. */
    DPO,
    /** Reads the audit trail and reports, never personal data. */
    AUDITOR,
    /** Publishes policy versions, manages partner agreements and programmes. */
    ADMIN;

    /** The Spring Security authority that stands for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
