package pk.registry.household;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import pk.registry.audit.AuditAction;
import pk.registry.audit.AuditEntry;
import pk.registry.audit.AuditTrail;
import pk.registry.consent.ConsentManagement;
import pk.registry.consent.PurposeDeniedException;
import pk.registry.consent.PurposeGate;
import pk.registry.kernel.Actor;
import pk.registry.kernel.DataCategory;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.Purpose;
import pk.registry.kernel.Role;

/**
 * Reads of one household's personal data. A read needs the household in the caller's scope
 * (its owner, a field officer of its district, the DPO) and the purpose gate's yes for the
 * purpose and categories named; anyone out of scope learns nothing, not even that it exists.
 * Every read and every refusal is audited, the refusal committed although the read fails.
 */
@Component
class HouseholdAccess {

    private final Households households;
    private final HouseholdSealer sealer;
    private final Owners owners;
    private final PurposeGate gate;
    private final ConsentManagement consents;
    private final AuditTrail audit;

    HouseholdAccess(Households households, HouseholdSealer sealer, Owners owners, PurposeGate gate,
            ConsentManagement consents, AuditTrail audit) {
        this.households = households;
        this.sealer = sealer;
        this.owners = owners;
        this.gate = gate;
        this.consents = consents;
        this.audit = audit;
    }

    /**
     * The whole application, for its owner (right of access) or for eligibility assessment.
     * @throws PurposeDeniedException if the purpose gate refuses (the refusal is audited)
     */
    @Transactional(noRollbackFor = PurposeDeniedException.class)
    Optional<Application> find(Actor actor, HouseholdId id) {
        Purpose purpose = actor.is(Role.APPLICANT) ? Purpose.IDENTITY_VERIFICATION : Purpose.ELIGIBILITY_ASSESSMENT;
        return households.find(id).flatMap(row -> open(actor, row, purpose, EnumSet.allOf(DataCategory.class))
                .map(form -> new Application(id, row.status(), row.createdAt(), form,
                        households.latestScore(id).map(score -> sealer.openScore(row, score)).orElse(null),
                        consents.consentsOf(id))));
    }

    /**
     * One household's data in the given categories, for a declared purpose; categories not
     * asked for are left out ({@code null}).
     * @throws PurposeDeniedException if the purpose gate refuses (the refusal is audited)
     */
    @Transactional(noRollbackFor = PurposeDeniedException.class)
    Optional<HouseholdForm> read(Actor actor, HouseholdId id, Purpose purpose, Set<DataCategory> categories) {
        return households.find(id).flatMap(row -> open(actor, row, purpose, categories));
    }

    private Optional<HouseholdForm> open(Actor actor, HouseholdRow row, Purpose purpose, Set<DataCategory> categories) {
        if (!inScope(actor, row)) {
            audit.record(AuditEntry.denied(actor, purpose, row.id(), AuditAction.HOUSEHOLD_READ));
            return Optional.empty();
        }
        PurposeGate.Decision decision = gate.checkHousehold(actor, row.id(), purpose, categories, owners.owns(actor, row));
        if (!decision.allowed()) {
            audit.record(AuditEntry.denied(actor, purpose, row.id(), AuditAction.HOUSEHOLD_READ));
            throw new PurposeDeniedException(decision.reason());
        }
        audit.record(AuditEntry.success(actor, purpose, row.id(), AuditAction.HOUSEHOLD_READ));
        return Optional.of(sealer.open(row).restrictedTo(categories));
    }

    /** Whose household this is to the actor: their own, one of their districts, or any for the DPO. */
    private boolean inScope(Actor actor, HouseholdRow household) {
        return switch (actor.role()) {
            case APPLICANT -> owners.owns(actor, household);
            case FIELD_OFFICER -> actor.serves(household.district());
            case DPO -> true;
            default -> false;
        };
    }
}
