package pk.registry.retention;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pk.registry.audit.AuditAction;
import pk.registry.audit.AuditEntry;
import pk.registry.audit.AuditTrail;
import pk.registry.household.HouseholdErasure;
import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.Ids;
import pk.registry.kernel.Purpose;

/**
 * The DPO's legal holds. A hold blocks the household's erasure and every retention deletion of
 * data about it; releasing it lets the next run carry out what it blocked. Placing and
 * releasing are audited.
 */
@Service
public class LegalHolds {

    private final Holds holds;
    private final HouseholdErasure households;
    private final AuditTrail audit;
    private final Clock clock;

    LegalHolds(Holds holds, HouseholdErasure households, AuditTrail audit, Clock clock) {
        this.holds = holds;
        this.households = households;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Places a hold on a household, with its row locked: an erasure under way finishes first (the
     * household is then gone), and one that starts meanwhile waits and finds the hold.
     * @return the hold; empty if there is no such household
     */
    @Transactional
    public Optional<LegalHold> place(Actor dpo, HouseholdId household, HoldReason reason, String reference) {
        if (households.lock(List.of(household)).isEmpty()) {
            return Optional.empty();
        }
        LegalHold hold = new LegalHold(Ids.newId(), household, reason, reference, dpo.subject(), clock.instant(), null, null);
        holds.insert(hold, reference);
        audit.record(AuditEntry.success(dpo, Purpose.LEGAL_COMPLIANCE, household, AuditAction.LEGAL_HOLD_CHANGED));
        return Optional.of(hold);
    }

    /**
     * Releases a placed hold.
     * @return the released hold; empty if there is no such hold or it was released already
     */
    @Transactional
    public Optional<LegalHold> release(Actor dpo, UUID id) {
        Optional<LegalHold> hold = holds.find(id).filter(LegalHold::placed);
        if (hold.isEmpty() || !holds.release(id, dpo.subject(), clock.instant())) {
            return Optional.empty();
        }
        audit.record(AuditEntry.success(dpo, Purpose.LEGAL_COMPLIANCE, hold.get().household(), AuditAction.LEGAL_HOLD_CHANGED));
        return holds.find(id);
    }

    /** The DPO's list: placed holds first, newest first, a page at a time (page from 0). */
    @Transactional(readOnly = true)
    public List<LegalHold> page(int page, int size) {
        return holds.page(page, size);
    }
}
