package pk.registry.retention;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pk.registry.audit.AuditAction;
import pk.registry.audit.AuditEntry;
import pk.registry.audit.AuditTrail;
import pk.registry.household.HouseholdErasure;
import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.HouseholdOwnership;
import pk.registry.kernel.Ids;
import pk.registry.kernel.Purpose;
import pk.registry.kernel.Role;
import pk.registry.keys.BlindIndex;

/**
 * Households' erasure requests (seed 001 §7: deletion "subject to certain legal limitations")
 * and the DPO's decisions. The requester follows a request by id to its outcome and certificate,
 * also once the household is gone: the request remembers the requester by a blind index of
 * their verified mobile in a domain of its own (so that no value the erased household held
 * survives it), never by the household they no longer have. While the household is still in the
 * registry, its owner follows it instead: a mobile given up (corrected away, recycled to someone
 * else) keeps no access to the request and the DPO's note on it.
 */
@Service
public class ErasureRequests {

    private final Requests requests;
    private final BlindIndex blindIndex;
    private final HouseholdOwnership ownership;
    private final HouseholdErasure households;
    private final AuditTrail audit;
    private final Clock clock;

    ErasureRequests(Requests requests, BlindIndex blindIndex, HouseholdOwnership ownership, HouseholdErasure households,
            AuditTrail audit, Clock clock) {
        this.requests = requests;
        this.blindIndex = blindIndex;
        this.ownership = ownership;
        this.households = households;
        this.audit = audit;
        this.clock = clock;
    }

    /** The DPO's decision. */
    public record Decision(boolean approve, @Nullable RefusalGround ground, @Nullable String note) {
    }

    /**
     * Records the applicant's request to erase their household.
     * @throws ErasureConflictException if a request of the household is open already (the unique
     *         {@code open_household} decides when two are asked for at once)
     */
    @Transactional
    public ErasureRequest request(Actor applicant, HouseholdId household) {
        if (!requests.openFor(household).isEmpty()) {
            throw alreadyOpen();
        }
        UUID id = Ids.newId();
        try {
            requests.insert(id, household, requester(applicant), clock.instant());
        }
        catch (DuplicateKeyException openedMeanwhile) {
            throw alreadyOpen();
        }
        audit.record(AuditEntry.success(applicant, Purpose.LEGAL_COMPLIANCE, household, AuditAction.ERASURE_REQUESTED));
        return requests.find(id).orElseThrow();
    }

    /**
     * The request, if this applicant owns its household now, or made it and the household has
     * been erased (there is no owner any more).
     */
    @Transactional(readOnly = true)
    public Optional<ErasureRequest> ofRequester(Actor applicant, UUID id) {
        if (!applicant.is(Role.APPLICANT)) {
            return Optional.empty();
        }
        Optional<HouseholdId> owned = ownership.householdOf(applicant);
        return requests.find(id).filter(request -> owned.filter(request.household()::equals).isPresent()
                || requests.findByRequester(id, requester(applicant)).isPresent() && !households.exists(request.household()));
    }

    /** Every request of the household, oldest first. */
    @Transactional(readOnly = true)
    public List<ErasureRequest> of(HouseholdId household) {
        return requests.of(household);
    }

    /** The DPO's work queue: requests of a status (all when {@code null}), oldest first. */
    @Transactional(readOnly = true)
    public List<ErasureRequest> page(@Nullable ErasureStatus status, int page, int size) {
        return requests.page(status, page, size);
    }

    /**
     * The DPO approves, or refuses citing the legal ground; the household sees either.
     * @return the decided request; empty if there is no such request
     * @throws ErasureConflictException if it was decided already, a refusal cites no ground, or an
     *         approval cites one or carries a note
     */
    @Transactional
    public Optional<ErasureRequest> decide(Actor dpo, UUID id, Decision decision) {
        Optional<ErasureRequest> request = requests.find(id);
        if (request.isEmpty()) {
            return Optional.empty();
        }
        if (!decision.approve() && decision.ground() == null) {
            throw new ErasureConflictException("A refusal must cite its legal ground.");
        }
        if (decision.approve() && (decision.ground() != null || decision.note() != null)) {
            throw new ErasureConflictException("An approval cites no ground and carries no note: they would not be kept.");
        }
        if (!requests.decide(id, request.get().household(),
                decision.approve() ? ErasureStatus.APPROVED : ErasureStatus.REFUSED, dpo.subject(), clock.instant(),
                decision.ground(), decision.note())) {
            throw new ErasureConflictException("This request was decided already.");
        }
        audit.record(AuditEntry.success(dpo, Purpose.LEGAL_COMPLIANCE, request.get().household(), AuditAction.ERASURE_DECIDED));
        return requests.find(id);
    }

    private static ErasureConflictException alreadyOpen() {
        return new ErasureConflictException("An erasure request of this household is open already.");
    }

    private byte[] requester(Actor applicant) {
        return blindIndex.bytesOf(BlindIndex.Domain.ERASURE_REQUESTER, applicant.subject());
    }
}
