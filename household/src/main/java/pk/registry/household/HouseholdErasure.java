package pk.registry.household;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
     * Locks the rows of those of the households that exist and counts what erasing each takes,
     * in the caller's transaction, deleting nothing; {@link #erase(Actor, ErasurePlan, Purpose)}
     * then carries the plan out in the same transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ErasurePlan plan(List<HouseholdId> households) {
        List<Households.Erasable> found = this.households.lockForErasure(new LinkedHashSet<>(households));
        Set<HouseholdId> existing = new HashSet<>();
        found.forEach(household -> existing.add(household.id()));
        Map<HouseholdId, Map<String, Integer>> counts = new LinkedHashMap<>();
        households.stream().filter(existing::contains)
                .forEach(household -> counts.putIfAbsent(household, new LinkedHashMap<>()));
        if (counts.isEmpty()) {
            return new ErasurePlan(counts, List.of());
        }
        List<HouseholdId> ids = List.copyOf(counts.keySet());
        add(counts, "consents", consents.countFor(ids));
        Map<String, HouseholdId> byOwner = new LinkedHashMap<>();
        List<byte[]> owners = new ArrayList<>();
        for (Households.Erasable household : found) {
            byte[] owner = household.ownerToken();
            if (owner != null && byOwner.putIfAbsent(HexFormat.of().formatHex(owner), household.id()) == null) {
                owners.add(owner);
            }
        }
        if (!owners.isEmpty()) {
            // counted against the first of an owner's households in the chunk
            Map<HouseholdId, Integer> conflictCounts = new HashMap<>();
            conflicts.countMadeBy(owners).forEach((owner, count) -> conflictCounts.put(byOwner.get(owner), count));
            add(counts, "registrationConflicts", conflictCounts);
        }
        this.households.countFor(ids).forEach((kind, perHousehold) -> add(counts, kind, perHousehold));
        counts.values().forEach(kinds -> kinds.put("households", 1));
        return new ErasurePlan(counts, owners);
    }

    /**
     * Erases the planned households in the caller's transaction, a few set-based statements for
     * them all, each audited (the event keeps only the pseudonymous id) and announced in as few
     * {@link HouseholdsErased} as hold them.
     *
     * @param purpose why: LEGAL_COMPLIANCE for approved requests or retention periods
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void erase(Actor actor, ErasurePlan plan, Purpose purpose) {
        if (plan.isEmpty()) {
            return;
        }
        List<HouseholdId> ids = plan.households();
        consents.eraseFor(ids);
        if (!plan.owners().isEmpty()) {
            conflicts.eraseMadeBy(plan.owners());
        }
        households.erase(ids);
        audit.recordAll(ids.stream()
                .map(household -> AuditEntry.success(actor, purpose, household, AuditAction.HOUSEHOLD_ERASED)).toList());
        for (int from = 0; from < ids.size(); from += HouseholdsErased.MOST) {
            events.publishEvent(new HouseholdsErased(ids.subList(from, Math.min(ids.size(), from + HouseholdsErased.MOST))));
        }
    }

    private static void add(Map<HouseholdId, Map<String, Integer>> counts, String kind, Map<HouseholdId, Integer> found) {
        found.forEach((household, count) -> {
            Map<String, Integer> kinds = counts.get(household);
            if (kinds != null && count > 0) {
                kinds.merge(kind, count, Integer::sum);
            }
        });
    }

    /** Up to {@code limit} households of the statuses whose record last changed before the cut-off, in no set order. */
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

    /** Whether the household is in the registry (in any status). */
    @Transactional(readOnly = true)
    public boolean exists(HouseholdId household) {
        return households.find(household).isPresent();
    }

    /**
     * Locks those of the households that exist until the caller's transaction ends: of an erasure
     * and a legal hold racing for one household, whichever locks it first finishes before the other
     * looks (the hold then finds no household, or the erasure finds the hold).
     * @return those that exist
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Set<HouseholdId> lock(Collection<HouseholdId> households) {
        Set<HouseholdId> locked = new HashSet<>();
        this.households.lockForErasure(new LinkedHashSet<>(households)).forEach(household -> locked.add(household.id()));
        return locked;
    }
}
