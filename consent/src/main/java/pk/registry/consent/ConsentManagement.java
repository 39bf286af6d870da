package pk.registry.consent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import pk.registry.audit.AuditAction;
import pk.registry.audit.AuditEntry;
import pk.registry.audit.AuditTrail;
import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.Ids;
import pk.registry.kernel.Pakistan;
import pk.registry.kernel.Purpose;

/**
 * The consent module's public face: what a household agreed to, under which policy version,
 * how, when and by whom it was collected. A record is frozen once given; withdrawals append to
 * its per-purpose status history, and re-consent to a newer version adds a record. A household's
 * own reads and changes are audited in the transaction that makes them.
 */
@Service
public class ConsentManagement {

    private final ConsentRecords records;
    private final ConsentRules rules;
    private final ConsentReceipts receipts;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConsentManagement(ConsentRecords records, ConsentRules rules, ConsentReceipts receipts, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock) {
        this.records = records;
        this.rules = rules;
        this.receipts = receipts;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What is wrong with a consent obtained on a day: the version must be known and in force
     * that day, the purposes must be the version's and include every purpose registration requires.
     */
    public List<ConsentProblem> check(ConsentForm consent, LocalDate obtainedOn) {
        return rules.check(consent, obtainedOn);
    }

    /** Consent given with one household. */
    public record Given(HouseholdId household, ConsentForm consent, ConsentMethod method, @Nullable String collector,
            Instant at, LocalDate obtainedOn) {
    }

    /**
     * Records consents given with households, in one batch, inside the caller's transaction.
     * @throws ConsentRejectedException if {@link #check} finds a problem with any of them (nothing is recorded)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAllGiven(List<Given> consents) {
        records.insertAll(consents.stream().map(given -> {
            List<ConsentProblem> problems = check(given.consent(), given.obtainedOn());
            if (!problems.isEmpty()) {
                throw new ConsentRejectedException(problems);
            }
            return new ConsentRecords.NewRecord(Ids.newId(), given.household(), given.consent().policyVersion(),
                    ConsentRules.purposes(given.consent()), given.method(), given.collector(), given.at());
        }).toList());
    }

    /** How many consent records each of the households has; those with none are left out. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<HouseholdId, Integer> countFor(Collection<HouseholdId> households) {
        return records.countFor(households);
    }

    /**
     * Erases the households' consent records and their histories, in the caller's transaction
     * (the households are being erased; their receipts stay valid signatures of what was).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void eraseFor(Collection<HouseholdId> households) {
        records.eraseFor(households);
    }

    /** The household's consent records, oldest first. */
    @Transactional(readOnly = true)
    public List<ConsentRecord> consentsOf(HouseholdId household) {
        return records.ofHousehold(household);
    }

    /** The household's latest consent record, the one whose terms govern its data now. */
    @Transactional(readOnly = true)
    public Optional<ConsentRecord> latest(HouseholdId household) {
        List<ConsentRecord> all = records.ofHousehold(household);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Whether the household's latest consent covers the purpose and it was not withdrawn. */
    public boolean isActive(HouseholdId household, Purpose purpose) {
        return latest(household).map(record -> record.isActive(purpose)).orElse(false);
    }

    /** The signed receipt of the consent given when the household was registered (its first record). */
    public String registrationReceipt(HouseholdId household) {
        return receipts.receipt(household, records.ofHousehold(household).get(0));
    }

    /** The household's consents, oldest first, each with its receipt; audited as an access by the data subject. */
    @Transactional
    public List<ConsentWithReceipt> withReceipts(Actor applicant, HouseholdId household) {
        audit.record(AuditEntry.success(applicant, Purpose.IDENTITY_VERIFICATION, household, AuditAction.CONSENT_READ));
        return records.ofHousehold(household).stream()
                .map(record -> new ConsentWithReceipt(record, receipts.receipt(household, record))).toList();
    }

    /**
     * Withdraws an optional purpose, effective at once, and tells other modules.
     * @throws ConsentConflictException for a purpose registration requires, one whose use does not rest on
     *         consent (a legal obligation: withdrawing would not stop it, and saying so would mislead), or one not
     *         active
     */
    @Transactional
    public void withdraw(Actor applicant, HouseholdId household, Purpose purpose) {
        if (rules.isRequired(purpose)) {
            throw new ConsentConflictException(purpose + " is required for registration and cannot be withdrawn;"
                    + " only an erasure request ends registration.");
        }
        if (!rules.restsOnConsent(purpose)) {
            throw new ConsentConflictException(purpose + " does not rest on your consent but on the law, so withdrawing"
                    + " consent would not stop it; to object to a use, lodge a complaint.");
        }
        records.lockOf(household);
        ConsentRecord latest = latest(household).filter(record -> record.isActive(purpose))
                .orElseThrow(() -> new ConsentConflictException(purpose + " is not an active consent of this household."));
        end(applicant, household, latest, purpose, clock.instant());
    }

    /**
     * Consents again, typically to the current policy version; earlier records keep their version.
     * An optional purpose active until now and left out is withdrawn, as {@link #withdraw} does.
     * @throws ConsentRejectedException if the consent breaks a rule
     */
    @Transactional
    public ConsentWithReceipt reconsent(Actor applicant, HouseholdId household, ConsentForm consent) {
        Instant now = clock.instant();
        records.lockOf(household);
        Optional<ConsentRecord> before = latest(household);
        recordAllGiven(List.of(new Given(household, consent, ConsentMethod.ONLINE, null, now, Pakistan.today(clock))));
        audit.record(AuditEntry.success(applicant, Purpose.IDENTITY_VERIFICATION, household, AuditAction.CONSENT_GIVEN));
        ConsentRecord latest = latest(household).orElseThrow();
        before.ifPresent(earlier -> earlier.purposes().keySet().stream().sorted()
                .filter(purpose -> earlier.isActive(purpose) && !latest.isActive(purpose) && rules.restsOnConsent(purpose))
                .forEach(purpose -> end(applicant, household, earlier, purpose, now)));
        return new ConsentWithReceipt(latest, receipts.receipt(household, latest));
    }

    /** Ends a purpose the record gave: recorded, audited and announced to other modules. */
    private void end(Actor applicant, HouseholdId household, ConsentRecord record, Purpose purpose, Instant at) {
        records.appendStatus(record.id(), purpose, ConsentStatus.WITHDRAWN, at);
        audit.record(AuditEntry.success(applicant, purpose, household, AuditAction.CONSENT_WITHDRAWN));
        events.publishEvent(new ConsentWithdrawn(household, purpose, at));
    }
}
