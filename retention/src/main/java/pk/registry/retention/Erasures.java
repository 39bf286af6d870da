package pk.registry.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import pk.registry.household.HouseholdErasure;
import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdDataHolder;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.Purpose;

/**
 * Carries out erasures: an approved request's household is erased in one transaction (its
 * row and data key, CNIC claims, scores, consents, idempotency records, and what every other
 * module holds about it) and a deletion certificate is issued; a household under a legal hold is
 * deferred, not dropped, and erased by the first run after the release. Also erases households
 * whose retention period ended (no certificate: no one asked).
 */
@Service
public class Erasures {

    /** What a carried-out request came to. */
    public enum Outcome {
        /** Erased and certified. */
        ERASED,
        /** Kept: the household is under a legal hold. */
        DEFERRED,
        /** Nothing to do: the request is no longer approved. */
        SKIPPED
    }

    private final Requests requests;
    private final Holds holds;
    private final HouseholdErasure households;
    private final List<HouseholdDataHolder> holders;
    private final Certificates certificates;
    private final Clock clock;

    Erasures(Requests requests, Holds holds, HouseholdErasure households, List<HouseholdDataHolder> holders,
            Certificates certificates, Clock clock) {
        this.requests = requests;
        this.holds = holds;
        this.households = households;
        this.holders = holders;
        this.certificates = certificates;
        this.clock = clock;
    }

    /** Up to {@code limit} approved requests after {@code after}, in id order. */
    @Transactional(readOnly = true)
    public List<ErasureRequest> approved(@Nullable UUID after, int limit) {
        return requests.approvedAfter(after, limit);
    }

    /** What a run would do now: approved requests, and how many of them a hold defers. */
    @Transactional(readOnly = true)
    public Map<String, Long> plan() {
        long approved = requests.countApproved();
        long held = requests.approvedAfter(null, Integer.MAX_VALUE).stream()
                .filter(request -> holds.isHeld(request.household())).count();
        return Map.of("approved", approved, "erasable", approved - held, "deferredByHolds", held);
    }

    /** Carries out one approved request in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome carryOut(Actor job, UUID requestId) {
        ErasureRequest request = requests.find(requestId).orElse(null);
        if (request == null || request.status() != ErasureStatus.APPROVED) {
            return Outcome.SKIPPED;
        }
        Instant now = clock.instant();
        if (holds.isHeld(request.household())) {
            requests.defer(requestId, now);
            return Outcome.DEFERRED;
        }
        Map<String, Integer> erased = erase(job, request.household());
        requests.complete(requestId, now, certificates.certify(request, erased, now));
        return Outcome.ERASED;
    }

    /**
     * Carries out a chunk of requests in the caller's transaction, ending exactly as {@link #carryOut}
     * one by one, in order, would: each request is looked up, deferred if held, or its household
     * erased (audited and announced, one by one, in order); only the certificates, which touch no
     * database, are signed across the cores before the erased requests are completed.
     * @return each request's outcome, in the order given
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Outcome> carryOutAll(Actor job, List<UUID> requestIds) {
        List<Outcome> outcomes = new ArrayList<>(requestIds.size());
        List<Erased> done = new ArrayList<>();
        Set<UUID> carriedOut = new HashSet<>();
        for (UUID requestId : requestIds) {
            ErasureRequest request = requests.find(requestId).orElse(null);
            if (request == null || request.status() != ErasureStatus.APPROVED || carriedOut.contains(requestId)) {
                outcomes.add(Outcome.SKIPPED);
                continue;
            }
            Instant now = clock.instant();
            if (holds.isHeld(request.household())) {
                requests.defer(requestId, now);
                outcomes.add(Outcome.DEFERRED);
                continue;
            }
            done.add(new Erased(request, erase(job, request.household()), now));
            carriedOut.add(requestId);
            outcomes.add(Outcome.ERASED);
        }
        List<String> signed = done.parallelStream()
                .map(erased -> certificates.certify(erased.request(), erased.erased(), erased.at())).toList();
        for (int i = 0; i < done.size(); i++) {
            requests.complete(done.get(i).request().id(), done.get(i).at(), signed.get(i));
        }
        return outcomes;
    }

    private record Erased(ErasureRequest request, Map<String, Integer> erased, Instant at) {
    }

    /**
     * Erases a household whose retention period ended, unless it is held, in the caller's transaction.
     * @return whether it was erased
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean eraseExpired(Actor job, HouseholdId household) {
        return !holds.isHeld(household) && !erase(job, household).isEmpty();
    }

    private Map<String, Integer> erase(Actor job, HouseholdId household) {
        Map<String, Integer> erased = new LinkedHashMap<>(households.erase(job, household, Purpose.LEGAL_COMPLIANCE));
        if (erased.isEmpty()) {
            return erased;
        }
        for (HouseholdDataHolder holder : holders) {
            holder.eraseFor(household).forEach((kind, count) -> {
                if (count > 0) {
                    erased.merge(kind, count, Integer::sum);
                }
            });
        }
        erased.values().removeIf(count -> count == 0);
        return erased;
    }
}
