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
    LEGAL_DISCLOSURE_RECORDED,
    /** A correction of the household's answers was applied. */
    HOUSEHOLD_CORRECTED,
    /** The household was erased (an approved request, or its retention period ended). */
    HOUSEHOLD_ERASED,
    /** The household exported everything held about it. */
    DATA_EXPORTED,
    /** The household asked for a correction or added an annotation. */
    CORRECTION_REQUESTED,
    /** A correction was approved or rejected. */
    CORRECTION_DECIDED,
    /** The household lodged a complaint with the DPO. */
    COMPLAINT_LODGED,
    /** The DPO answered a complaint. */
    COMPLAINT_ANSWERED,
    /** The DPO read the household's complaint in the complaints queue (one event per complaint listed). */
    COMPLAINT_READ,
    /** A field officer or the DPO read the household's correction in their queue (one per correction listed). */
    CORRECTION_READ,
    /** The household asked for its erasure. */
    ERASURE_REQUESTED,
    /** The DPO approved or refused an erasure request. */
    ERASURE_DECIDED,
    /** A legal hold was placed on the household or released. */
    LEGAL_HOLD_CHANGED,
    /** The DPO read a page of the refused self-registrations (no household: the page spans many). */
    REGISTRATION_CONFLICTS_READ,
    /** An administrator created or changed a data-sharing agreement. */
    AGREEMENT_CHANGED,
    /** An administrator created or changed a programme (its model version, its cut-off). */
    PROGRAMME_CHANGED,
    /** An administrator published or activated a proxy means test model version. */
    PMT_MODEL_CHANGED,
    /** An administrator published a privacy policy version. */
    POLICY_PUBLISHED,
    /** The DPO started a retention sweep or an erasure run (or a dry run of one). */
    DPO_JOB_STARTED
}
