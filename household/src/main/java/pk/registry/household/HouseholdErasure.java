package pk.registry.household;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import pk.registry.audit.AuditAction;
import pk.registry.audit.AuditEntry;
import pk.registry.audit.AuditTrail;
import pk.registry.consent.ConsentManagement;
import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.Purpose;

/**
 * Erasing households: their row with the wrapped data key (so that every copy of their
 * ciphertexts becomes unreadable), their CNIC claims (blind-index entries), scores, consents and
 * idempotency records, and the registration conflicts its owner's own submissions made (they
 * carry the owner's blind index); the pseudonymous audit events stay. And which households' retention
 * periods have run out.
 */
@Service
public class HouseholdErasure {

    /** Applications that ended without a household in the registry. */
    public static final Set<HouseholdStatus> CLOSED = EnumSet.of(HouseholdStatus.REJECTED, HouseholdStatus.WITHDRAWN);
    /** Households in the registry. */
    public static final Set<HouseholdStatus> ACTIVE = EnumSet.of(HouseholdStatus.SUBMITTED);

    private final Households households;
    private final ConflictRecords conflicts;
    private final ConsentManagement consents;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    HouseholdErasure(Households households, ConflictRecords conflicts, ConsentManagement consents, AuditTrail audit,
            ApplicationEventPublisher events) {
        this.households = households;
        this.conflicts = conflicts;
        this.consents = consents;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Erases the household in the caller's transaction, audited (the event keeps only the
     * pseudonymous id) and announced as {@link HouseholdErased}.
     *
     * @param purpose why: LEGAL_COMPLIANCE for an approved request or a retention period
     * @return what was erased, by kind; empty if there was no such household
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Integer> erase(Actor actor, HouseholdId household, Purpose purpose) {
        Optional<HouseholdRow> row = households.find(household);
        if (row.isEmpty()) {
            return Map.of();
        }
        Map<String, Integer> erased = new LinkedHashMap<>();
        erased.put("consents", consents.eraseFor(household));
        byte[] owner = row.get().ownerToken();
        erased.put("registrationConflicts", owner == null ? 0 : conflicts.eraseMadeBy(owner));
        erased.putAll(households.erase(household));
        if (erased.get("households") == 0) {
            return Map.of();
        }
        audit.record(AuditEntry.success(actor, purpose, household, AuditAction.HOUSEHOLD_ERASED));
        events.publishEvent(new HouseholdErased(household));
        return erased;
    }

    /** Up to {@code limit} households of the statuses whose record last changed before the cut-off, in id order. */
    @Transactional(readOnly = true)
    public List<HouseholdId> unchangedSince(Set<HouseholdStatus> statuses, Instant cutoff, int limit) {
        return households.changedBefore(statuses, cutoff, limit);
    }

    @Transactional(readOnly = true)
    public long countUnchangedSince(Set<HouseholdStatus> statuses, Instant cutoff) {
        return households.countChangedBefore(statuses, cutoff, Set.of());
    }

    /** How many of the given households are of the statuses and unchanged since the cut-off. */
    @Transactional(readOnly = true)
    public long countUnchangedSinceAmong(Set<HouseholdStatus> statuses, Instant cutoff, Set<HouseholdId> among) {
        return among.isEmpty() ? 0 : households.countChangedBefore(statuses, cutoff, among);
    }

    /** Whether the household exists. */
    @Transactional(readOnly = true)
    public boolean exists(HouseholdId household) {
        return households.find(household).isPresent();
    }
}
