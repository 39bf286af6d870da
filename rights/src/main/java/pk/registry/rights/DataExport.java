package pk.registry.rights;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pk.registry.audit.AuditAction;
import pk.registry.audit.AuditEntry;
import pk.registry.audit.AuditTrail;
import pk.registry.consent.ConsentManagement;
import pk.registry.consent.ConsentWithReceipt;
import pk.registry.consent.PurposeDeniedException;
import pk.registry.household.Application;
import pk.registry.household.HouseholdManagement;
import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.NoHouseholdException;
import pk.registry.kernel.Purpose;
import pk.registry.kernel.Role;
import pk.registry.sharing.Disclosure;
import pk.registry.sharing.Disclosures;

/**
 * The right of access (seed 001 §7): everything held about an applicant's own household in one
 * export, read in one transaction. Each part is read through its module's own audited read, and
 * the export itself is audited as {@link AuditAction#DATA_EXPORTED}.
 */
@Service
public class DataExport {

    private final HouseholdManagement households;
    private final ConsentManagement consents;
    private final Disclosures disclosures;
    private final HouseholdRequests requests;
    private final AuditTrail audit;
    private final Clock clock;

    DataExport(HouseholdManagement households, ConsentManagement consents, Disclosures disclosures,
            HouseholdRequests requests, AuditTrail audit, Clock clock) {
        this.households = households;
        this.consents = consents;
        this.disclosures = disclosures;
        this.requests = requests;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The export of the applicant's own household.
     * @param household the household the applicant owns (the kernel's {@code HouseholdOwnership} says which)
     * @throws NoHouseholdException if it is not the applicant's to read
     * @throws PurposeDeniedException if the purpose gate refuses (the refusal is audited)
     */
    @Transactional(noRollbackFor = PurposeDeniedException.class)
    public HouseholdExport export(Actor applicant, HouseholdId household) {
        if (!applicant.is(Role.APPLICANT)) {
            throw new IllegalArgumentException("only a household's own applicant exports it");
        }
        Application application = households.find(applicant, household).orElseThrow(NoHouseholdException::new);
        List<ConsentWithReceipt> given = consents.withReceipts(applicant, household);
        List<Disclosure> disclosed = disclosures.of(applicant, household);
        HouseholdRequests.Requests asked = requests.of(household);
        audit.record(AuditEntry.success(applicant, Purpose.IDENTITY_VERIFICATION, household, AuditAction.DATA_EXPORTED));
        return new HouseholdExport(HouseholdExport.FORMAT, clock.instant(), household, application.status(),
                application.submittedAt(), application.household(), application.score(), given, disclosed,
                asked.corrections(), asked.annotations(), asked.complaints(), asked.erasures());
    }
}
