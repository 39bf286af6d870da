package pk.registry.sharing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pk.registry.audit.AuditAction;
import pk.registry.audit.AuditEntry;
import pk.registry.audit.AuditTrail;
import pk.registry.household.HouseholdScores;
import pk.registry.kernel.Actor;
import pk.registry.kernel.DataCategory;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.Pakistan;
import pk.registry.kernel.Purpose;
import pk.registry.kernel.Role;

/**
 * The disclosure log's public face: a household reads every disclosure of its data (partners'
 * answers and the DPO's legal disclosures, the latter from the day a court allows), and the DPO
 * records disclosures made outside the registry's APIs.
 */
@Service
public class Disclosures {

    private final DisclosureLog log;
    private final HouseholdScores households;
    private final AuditTrail audit;
    private final Clock clock;

    Disclosures(DisclosureLog log, HouseholdScores households, AuditTrail audit, Clock clock) {
        this.log = log;
        this.households = households;
        this.audit = audit;
        this.clock = clock;
    }

    /** The household's disclosures it may see now, newest first; audited as an access by the data subject. */
    @Transactional
    public List<Disclosure> of(Actor applicant, HouseholdId household) {
        audit.record(AuditEntry.success(applicant, Purpose.IDENTITY_VERIFICATION, household, AuditAction.DISCLOSURES_READ));
        return log.visibleTo(household, clock.instant());
    }

    /**
     * A disclosure made under a court order, a warrant or to protect a life (seeds 000, 003).
     *
     * @param notBefore the day before which the household must not be told (a court may order it), if any
     */
    public record LegalDisclosure(HouseholdId household, String authority, String legalReference,
            Set<DataCategory> categories, @Nullable LocalDate notBefore) {
    }

    /**
     * Records a legal disclosure in the log, audited; the household sees it from {@code notBefore} on.
     * @return whether there is such a household
     */
    @Transactional
    public boolean recordLegal(Actor dpo, LegalDisclosure disclosure) {
        if (!dpo.is(Role.DPO)) {
            throw new IllegalArgumentException("only the DPO records legal disclosures");
        }
        if (households.factsOf(disclosure.household(), households.activeModel().version()).isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        Instant visibleFrom = disclosure.notBefore() == null ? now
                : disclosure.notBefore().atStartOfDay(Pakistan.ZONE).toInstant();
        log.append(new DisclosureLog.Entry(disclosure.household(), now, visibleFrom.isBefore(now) ? now : visibleFrom,
                Channel.LEGAL, null, disclosure.authority(), null, Purpose.LEGAL_COMPLIANCE,
                new TreeSet<>(disclosure.categories().stream().map(Enum::name).toList()).stream().toList(),
                DisclosureOutcome.LEGAL, null, disclosure.legalReference()));
        audit.record(AuditEntry.success(dpo, Purpose.LEGAL_COMPLIANCE, disclosure.household(),
                AuditAction.LEGAL_DISCLOSURE_RECORDED));
        return true;
    }
}
