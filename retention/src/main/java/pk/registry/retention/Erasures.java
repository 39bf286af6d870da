package pk.registry.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import pk.registry.household.ErasurePlan;
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

    /**
     * An approved request, by its household and id: the erasure job's place in its work. Ids
     * only, so it may be kept in a job's execution context ({@code household/request}).
     */
    public record Approved(HouseholdId household, UUID request) {

        /** Reads back {@link #toString()}. */
        public static Approved parse(String text) {
            int slash = text.indexOf('/');
            return new Approved(HouseholdId.of(text.substring(0, slash)), UUID.fromString(text.substring(slash + 1)));
        }

        @Override
        public String toString() {
            return household + "/" + request;
        }
    }

    /**
     * Up to {@code limit} approved requests after {@code after}, in household order: a chunk's
     * deletes then fall on neighbouring pages of every household-keyed table (requests come in no
     * relation to their households' ids, and deleting households all over the tables chunk after
     * chunk rewrote most of their pages each time).
     */
    @Transactional(readOnly = true)
    public List<Approved> approved(@Nullable Approved after, int limit) {
        return requests.approvedAfter(after, limit);
    }

    /** What a run would do now: approved requests, and how many of them a hold defers. */
    @Transactional(readOnly = true)
    public Map<String, Long> plan() {
        long approved = requests.countApproved();
        long held = requests.countApprovedHeld();
        return Map.of("approved", approved, "erasable", approved - held, "deferredByHolds", held);
    }

    /** Carries out one approved request in the caller's transaction, as {@link #carryOutAll} would. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome carryOut(Actor job, UUID requestId) {
        return carryOutAll(job, List.of(requestId)).get(0);
    }

    /**
     * Carries out a chunk of requests in the caller's transaction: each is skipped when no longer
     * approved (or named twice), deferred when its household is held, or carried out: the
     * households of all the rest are counted, then erased together by a few set-based statements
     * (audited and announced) while their certificates are signed on the other cores, and each
     * request is completed with its certificate.
     * @return each request's outcome, in the order given
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Outcome> carryOutAll(Actor job, List<UUID> requestIds) {
        Map<UUID, ErasureRequest> found = new HashMap<>();
        requests.findAll(requestIds).forEach(request -> found.put(request.id(), request));
        // Locked before the holds are read: a hold placed meanwhile has committed, or waits for this chunk.
        Set<HouseholdId> held = holds.heldAmong(households.lock(found.values().stream()
                .filter(request -> request.status() == ErasureStatus.APPROVED).map(ErasureRequest::household).toList()));
        Instant now = clock.instant();
        List<Outcome> outcomes = new ArrayList<>(requestIds.size());
        List<ErasureRequest> toCarryOut = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (UUID requestId : requestIds) {
            ErasureRequest request = found.get(requestId);
            if (request == null || request.status() != ErasureStatus.APPROVED || !seen.add(requestId)) {
                outcomes.add(Outcome.SKIPPED);
            }
            else if (held.contains(request.household())) {
                requests.defer(requestId, now);
                outcomes.add(Outcome.DEFERRED);
            }
            else {
                toCarryOut.add(request);
                outcomes.add(Outcome.ERASED);
            }
        }
        if (toCarryOut.isEmpty()) {
            return outcomes;
        }
        ErasurePlan plan = households.plan(toCarryOut.stream().map(ErasureRequest::household).toList());
        Map<HouseholdId, Map<String, Integer>> erased = whatIsHeld(plan);
        // a second request for one household certifies that nothing was left to erase
        Set<HouseholdId> certified = new HashSet<>();
        List<Map<String, Integer>> whatEach = toCarryOut.stream()
                .map(request -> certified.add(request.household())
                        ? erased.getOrDefault(request.household(), Map.of()) : Map.<String, Integer>of())
                .toList();
        CompletableFuture<List<Requests.Completion>> signed = CompletableFuture.supplyAsync(() ->
                IntStream.range(0, toCarryOut.size()).parallel()
                        .mapToObj(i -> new Requests.Completion(toCarryOut.get(i).id(), now,
                                certificates.certify(toCarryOut.get(i), whatEach.get(i), now)))
                        .toList());
        erase(job, plan);
        requests.complete(signed.join());
        return outcomes;
    }

    /**
     * Erases those of the households whose retention period ended that are not held, in the
     * caller's transaction.
     * @return how many were erased
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int eraseExpired(Actor job, List<HouseholdId> households) {
        Set<HouseholdId> held = holds.heldAmong(this.households.lock(households));
        ErasurePlan plan = this.households.plan(households.stream().filter(household -> !held.contains(household)).toList());
        erase(job, plan);
        return plan.households().size();
    }

    /** What the household module and every other module hold of each planned household, by kind. */
    private Map<HouseholdId, Map<String, Integer>> whatIsHeld(ErasurePlan plan) {
        Map<HouseholdId, Map<String, Integer>> held = new LinkedHashMap<>();
        plan.counts().forEach((household, kinds) -> held.put(household, new LinkedHashMap<>(kinds)));
        for (HouseholdDataHolder holder : holders) {
            holder.countFor(plan.households()).forEach((household, kinds) -> kinds.forEach((kind, count) -> {
                Map<String, Integer> ofHousehold = held.get(household);
                if (ofHousehold != null && count > 0) {
                    ofHousehold.merge(kind, count, Integer::sum);
                }
            }));
        }
        return held;
    }

    private void erase(Actor job, ErasurePlan plan) {
        if (plan.isEmpty()) {
            return;
        }
        households.erase(job, plan, Purpose.LEGAL_COMPLIANCE);
        for (HouseholdDataHolder holder : holders) {
            holder.eraseFor(plan.households());
        }
    }
}
