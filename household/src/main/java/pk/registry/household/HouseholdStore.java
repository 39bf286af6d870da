package pk.registry.household;

import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import pk.registry.audit.AuditAction;
import pk.registry.audit.AuditEntry;
import pk.registry.audit.AuditTrail;
import pk.registry.consent.ConsentManagement;
import pk.registry.consent.ConsentMethod;
import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.Purpose;
import pk.registry.kernel.Role;

/**
 * Stores sealed households, inside the caller's transaction, each with its consent, its audit
 * event and its {@link HouseholdRegistered} event; the same for an applicant's one household
 * and an import's chunk. A CNIC held by another household, or by an earlier household of the
 * same call, keeps the household out. Most households hold no CNIC registered before, so they
 * are first inserted without a look-up and the claims' primary key checks them; only when it
 * finds one is the insert rolled back to a savepoint and done again after a look-up. An
 * owned household also claims its owner's one household in the registry ({@link Households#insertAll}):
 * an applicant's second one fails on that key and is refused, and a household collected in person
 * whose mobile already owns one is stored without an owner ({@link Owners#collected}).
 */
@Component
class HouseholdStore {

    private final Households households;
    private final Owners owners;
    private final ConsentManagement consents;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HouseholdStore(Households households, Owners owners, ConsentManagement consents, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock) {
        this.households = households;
        this.owners = owners;
        this.consents = consents;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param actor the applicant who submitted them, or the field officer who collected them
     * @return per household, the positions of members whose CNIC another household holds; empty when stored
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<List<Integer>> store(Actor actor, List<SealedHousehold> sealed) {
        List<List<Integer>> outcomes = new ArrayList<>(sealed.size());
        List<SealedHousehold> accepted;
        Savepoint savepoint = households.savepoint();
        boolean online = actor.is(Role.APPLICANT);
        try {
            accepted = insertUnclaimed(sealed, new HashSet<>(), new HashSet<>(), outcomes, online);
        }
        catch (DuplicateKeyException registeredBefore) {
            households.rollbackTo(savepoint);
            outcomes.clear();
            Set<String> claimed = households.claimed(sealed.stream()
                    .flatMap(household -> household.cnicTokens().keySet().stream()).toList());
            // An applicant's second household fails again below and is refused; collected ones lose their owner.
            Set<String> owning = online ? new HashSet<>() : households.activeOwners(sealed.stream()
                    .map(household -> household.row().ownerToken()).filter(Objects::nonNull)
                    .map(HexFormat.of()::formatHex).toList());
            accepted = insertUnclaimed(sealed, claimed, owning, outcomes, online);
        }
        Instant now = clock.instant();
        ConsentMethod method = online ? ConsentMethod.ONLINE : ConsentMethod.FIELD_FORM;
        consents.recordAllGiven(accepted.stream().map(household -> new ConsentManagement.Given(household.id(),
                household.consent(), method, online ? null : actor.subject(), now, household.consentObtainedOn())).toList());
        audit.recordAll(accepted.stream().map(household -> AuditEntry.success(actor, Purpose.ELIGIBILITY_ASSESSMENT,
                household.id(), AuditAction.HOUSEHOLD_CREATED)).toList());
        accepted.forEach(household -> events.publishEvent(
                new HouseholdRegistered(household.id(), household.row().district(), method, now)));
        return outcomes;
    }

    /**
     * Inserts, in order, the households none of whose CNICs is claimed yet; each claims its own,
     * and a household collected in person its owner, if {@code owning} does not hold it yet.
     */
    private List<SealedHousehold> insertUnclaimed(List<SealedHousehold> sealed, Set<String> claimed, Set<String> owning,
            List<List<Integer>> outcomes, boolean applicants) {
        List<SealedHousehold> accepted = new ArrayList<>(sealed.size());
        for (SealedHousehold household : sealed) {
            Map<String, Integer> tokens = household.cnicTokens();
            List<Integer> taken = tokens.entrySet().stream().filter(token -> claimed.contains(token.getKey()))
                    .map(Map.Entry::getValue).sorted().toList();
            outcomes.add(taken);
            if (taken.isEmpty()) {
                claimed.addAll(tokens.keySet());
                accepted.add(applicants ? household : owners.collected(household, owning));
            }
        }
        households.insertAll(accepted);
        return accepted;
    }

    /** The household that holds the CNIC of the member at this position of a sealed household, if any. */
    Optional<HouseholdId> holderOf(SealedHousehold household, int position) {
        return household.cnicTokens().entrySet().stream().filter(token -> token.getValue() == position).findFirst()
                .flatMap(token -> households.holderOf(HexFormat.of().parseHex(token.getKey())));
    }
}
