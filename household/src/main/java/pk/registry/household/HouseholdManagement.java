package pk.registry.household;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import pk.registry.consent.ConsentForm;
import pk.registry.consent.PurposeDeniedException;
import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdId;

/**
 * The household module's public face: register a household with its consent (an applicant's
 * own, or a field officer's upload), read it back within the caller's rights, count households.
 * Every create and read of personal data is audited in the same transaction as the change it
 * records, and every stored household is announced as {@link HouseholdRegistered}.
 */
@Service
public class HouseholdManagement {

    private final SelfRegistration registrations;
    private final HouseholdSealer sealer;
    private final HouseholdStore store;
    private final HouseholdAccess access;
    private final HouseholdStatistics statistics;
    private final Validator validator;

    HouseholdManagement(SelfRegistration registrations, HouseholdSealer sealer, HouseholdStore store,
            HouseholdAccess access, HouseholdStatistics statistics, Validator validator) {
        this.registrations = registrations;
        this.sealer = sealer;
        this.store = store;
        this.access = access;
        this.statistics = statistics;
        this.validator = validator;
    }

    /**
     * Registers an applicant's household with the consent given online; the applicant owns it.
     * An applicant has one household in the registry; every conflicting submission (a second
     * household, a CNIC of another household, a head not confirmed) is recorded for the DPO and
     * counts against a small daily quota.
     *
     * @param idempotencyKey the client's key: the same key with the same body returns the first result
     * @throws ConstraintViolationException if the form breaks a rule (callers normally validated already)
     * @throws RegistrationQuotaExhaustedException if the applicant's conflicting submissions of the day
     *         used up their quota: checked first, before anything else
     * @throws HouseholdAlreadyRegisteredException if the applicant already has a household in the registry
     * @throws IdentityNotConfirmedException if the head's CNIC does not own the applicant's verified mobile
     * @throws IdentityCheckUnavailableException if the head's identity cannot be checked now
     * @throws CnicAlreadyRegisteredException if a member's CNIC belongs to another household
     * @throws IdempotencyKeyReusedException if the key was used with another body
     */
    public Registration register(Actor applicant, HouseholdForm form, ConsentForm consent,
            @Nullable String idempotencyKey) {
        requireValid(form, consent);
        return registrations.register(applicant, form, consent, idempotencyKey);
    }

    /**
     * Encrypts a household of an upload (validated by the caller with the rule set) under its
     * own data key and computes its tokens. Needs no transaction and is safe to call from
     * several threads. The household is owned by the mobile its form records, unless that mobile
     * owns another when it is stored ({@link Owners}).
     */
    public SealedHousehold seal(FieldForm form) {
        return sealer.seal(HouseholdId.newId(), form, null);
    }

    /**
     * Stores sealed upload households inside the caller's transaction (the import's chunk), each
     * with its consent (method FIELD_FORM, the officer as collector) and its audit event.
     *
     * @return per household, the positions of members whose CNIC another household holds; empty when stored
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<List<Integer>> importHouseholds(Actor officer, List<SealedHousehold> households) {
        return store.store(officer, households);
    }

    /**
     * The application, if the actor may see it: the applicant who owns it, or a field officer
     * serving its district (for eligibility assessment, through the purpose gate). Anyone else
     * learns nothing, not even that it exists; every attempt is audited.
     *
     * @throws PurposeDeniedException if the purpose gate refuses
     */
    public Optional<Application> find(Actor actor, HouseholdId id) {
        return access.find(actor, id);
    }

    /**
     * Households and persons, in total and per district, with small cells suppressed.
     * @throws PurposeDeniedException if the caller's role may not use data for service improvement
     */
    public Statistics statistics(Actor actor) {
        return statistics.statistics(actor);
    }

    private void requireValid(HouseholdForm form, ConsentForm consent) {
        Set<ConstraintViolation<Object>> violations = new HashSet<>(validator.validate((Object) form));
        violations.addAll(validator.validate((Object) consent));
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }
}
