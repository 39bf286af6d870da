package pk.registry.rights;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import pk.registry.consent.ConsentWithReceipt;
import pk.registry.household.HouseholdForm;
import pk.registry.household.HouseholdStatus;
import pk.registry.household.PmtScore;
import pk.registry.kernel.HouseholdId;
import pk.registry.retention.ErasureRequest;
import pk.registry.sharing.Disclosure;

/**
 * Everything the registry holds about one household, for the household itself (seed 001 §7,
 * right of access), in one machine-readable document.
 *
 * @param format the document's format and version, {@value #FORMAT}
 * @param application the household's members and answers as they stand now (corrections applied)
 * @param score the proxy-means-test score with what each factor added or took away; {@code null} until scored
 * @param consents every consent given, with its signed receipt
 * @param disclosures every disclosure of the household's data it may see now, newest first
 * @param corrections the corrections it asked for and how they were decided
 * @param annotations its statements attached to the record
 * @param complaints its complaints with the DPO's answers
 * @param erasureRequests its erasure requests with their outcomes, refusal grounds and certificates
 */
public record HouseholdExport(String format, Instant exportedAt, HouseholdId household, HouseholdStatus status,
        Instant submittedAt, HouseholdForm application, @Nullable PmtScore score, List<ConsentWithReceipt> consents,
        List<Disclosure> disclosures, List<Correction> corrections, List<Correction> annotations,
        List<Complaint> complaints, List<ErasureRequest> erasureRequests) {

    /** The format this document follows. */
    public static final String FORMAT = "registry-household-export/1";

    @Override
    public String toString() {
        return "HouseholdExport[" + household + "]";
    }
}
