package pk.registry.household;

import java.time.Instant;
import java.util.ArrayList;
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
     * Erases the households in the caller's transaction, a few set-based statements for them all,
     * each audited (the event keeps only the pseudonymous id) and announced in as few
     * {@link HouseholdsErased} as hold them.
     *
     * @param purpose why: LEGAL_COMPLIANCE for approved requests or retention periods
     * @return what was erased of each household that existed, by kind, in the order given; kinds
     *         with nothing erased are left out, households that did not exist too
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<HouseholdId, Map<String, Integer>> erase(Actor actor, List<HouseholdId> households, Purpose purpose) {
        List<Households.Erasable> found = this.households.lockForErasure(new LinkedHashSet<>(households));
        if (found.isEmpty()) {
            return Map.of();
        }
        List<HouseholdId> ids = found.stream().map(Households.Erasable::id).toList();
        Map<HouseholdId, Map<String, Integer>> erased = new LinkedHashMap<>();
        households.stream().filter(new HashSet<>(ids)::contains)
                .forEach(household -> erased.putIfAbsent(household, new LinkedHashMap<>()));
        add(erased, "consents", consents.eraseFor(ids));
        add(erased, "registrationConflicts", conflictsMadeByOwners(found));
        this.households.erase(ids).forEach((kind, counts) -> add(erased, kind, counts));
        audit.recordAll(erased.keySet().stream()
                .map(household -> AuditEntry.success(actor, purpose, household, AuditAction.HOUSEHOLD_ERASED)).toList());
        List<HouseholdId> announced = List.copyOf(erased.keySet());
        for (int from = 0; from < announced.size(); from += HouseholdsErased.MOST) {
            events.publishEvent(new HouseholdsErased(
                    announced.subList(from, Math.min(announced.size(), from + HouseholdsErased.MOST))));
        }
        return erased;
    }

    /** The conflicts the owners' own submissions made, counted against the first of each owner's households. */
    private Map<HouseholdId, Integer> conflictsMadeByOwners(List<Households.Erasable> found) {
        Map<String, HouseholdId> byOwner = new LinkedHashMap<>();
        List<byte[]> owners = new ArrayList<>();
        for (Households.Erasable household : found) {
            byte[] owner = household.ownerToken();
            if (owner != null && byOwner.putIfAbsent(HexFormat.of().formatHex(owner), household.id()) == null) {
                owners.add(owner);
            }
        }
        Map<HouseholdId, Integer> counts = new HashMap<>();
        if (!owners.isEmpty()) {
            conflicts.eraseMadeBy(owners).forEach((owner, count) -> counts.put(byOwner.get(owner), count));
        }
        return counts;
    }

    private static void add(Map<HouseholdId, Map<String, Integer>> erased, String kind, Map<HouseholdId, Integer> counts) {
        counts.forEach((household, count) -> {
            Map<String, Integer> kinds = erased.get(household);
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

    /** Whether the household exists. */
    @Transactional(readOnly = true)
    public boolean exists(HouseholdId household) {
        return households.find(household).isPresent();
    }
}
