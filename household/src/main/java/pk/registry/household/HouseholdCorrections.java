package pk.registry.household;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pk.registry.audit.AuditAction;
import pk.registry.audit.AuditEntry;
import pk.registry.audit.AuditTrail;
import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.MobileNumber;
import pk.registry.kernel.Purpose;

/**
 * Corrections of a stored household's answers (seed 001 §7, seed 000): one field at a time,
 * through the same rule set as intake. An applied correction is sealed again under the
 * household's key, rescored under every version it was scored under, its owner following a
 * corrected mobile ({@link Owners}), audited and announced as
 * {@link HouseholdCorrected}.
 */
@Service
public class HouseholdCorrections {

    private final Households households;
    private final HouseholdSealer sealer;
    private final Owners owners;
    private final Validator validator;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    HouseholdCorrections(Households households, HouseholdSealer sealer, Owners owners, Validator validator,
            AuditTrail audit, ApplicationEventPublisher events) {
        this.households = households;
        this.sealer = sealer;
        this.owners = owners;
        this.validator = validator;
        this.audit = audit;
        this.events = events;
    }

    /** The fields a household may ask to correct: household fields by name, member fields as {@code members[i].name}. */
    public Set<String> correctableFields() {
        Set<String> fields = new TreeSet<>(FieldCorrection.HOUSEHOLD_FIELDS);
        FieldCorrection.MEMBER_FIELDS.forEach(field -> fields.add("members[i]." + field));
        return fields;
    }

    /**
     * Checks a proposed correction against the household as it is now, without changing it.
     * @throws CorrectionRejectedException if it cannot be made
     * @throws java.util.NoSuchElementException if there is no such household
     */
    @Transactional(readOnly = true)
    public void check(HouseholdId household, String field, String value) {
        corrected(households.find(household).orElseThrow(), new FieldCorrection(field, value));
    }

    /**
     * Applies a correction approved by a field officer of the household's district or the DPO, to
     * the household as it is once no other transaction changes it (its row is locked first).
     * @return whether an applicant still sees the household online: not when a corrected mobile
     *         already owns another household ({@link Owners}), which the approver should know
     * @throws CorrectionRejectedException if the corrected household breaks the rule set (nothing changes)
     * @throws CorrectionConflictException if its new mobile came to own another household while it was
     *         applied (the caller's transaction must roll back; applied again, it decides the owner afresh)
     * @throws java.util.NoSuchElementException if there is no such household
     */
    @Transactional
    public Applied apply(Actor approver, HouseholdId household, String field, String value) {
        if (!households.lock(household)) {
            throw new NoSuchElementException("no such household");
        }
        HouseholdRow row = households.find(household).orElseThrow();
        HouseholdSealer.Resealed resealed = sealer.reseal(row, corrected(row, new FieldCorrection(field, value)),
                households.scoredVersions(household));
        HouseholdRow owned = owners.afterCorrection(row, resealed.row());
        try {
            households.update(owned);
        }
        catch (DuplicateKeyException ownedMeanwhile) {
            // The household's id stays, so its one other key refused: the unique active owner. The new mobile
            // owned no other household when Owners looked, and a registration or correction under it committed since.
            throw new CorrectionConflictException();
        }
        households.replaceScores(household, resealed.scores());
        audit.record(AuditEntry.success(approver, Purpose.ELIGIBILITY_ASSESSMENT, household, AuditAction.HOUSEHOLD_CORRECTED));
        events.publishEvent(new HouseholdCorrected(household));
        return new Applied(owned.ownerToken() != null);
    }

    /**
     * An applied correction.
     *
     * @param ownedOnline whether an applicant owns the household after it, and so sees it online
     */
    public record Applied(boolean ownedOnline) {
    }

    private HouseholdForm corrected(HouseholdRow row, FieldCorrection correction) {
        HouseholdForm before = sealer.open(row);
        HouseholdForm form = correction.applyTo(before);
        Set<ConstraintViolation<HouseholdForm>> violations = validator.validate(form);
        if (!violations.isEmpty()) {
            List<CorrectionRejectedException.Problem> problems = violations.stream()
                    .map(violation -> new CorrectionRejectedException.Problem(violation.getPropertyPath().toString(),
                            violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
                            violation.getMessage()))
                    .toList();
            throw new CorrectionRejectedException(problems);
        }
        requireChange(correction, before, form);
        return form;
    }

    /**
     * A correction changes the household: its value is not the one the household has already,
     * and a mobile not the same number however written ({@code 0300…}, {@code +92300…}).
     * "Corrected" to what it has, it would change nothing but still take a place in the day's
     * filings and a decider's time, and a mobile's approval would refuse the household's other
     * pending corrections of the mobile (rights module).
     */
    private static void requireChange(FieldCorrection correction, HouseholdForm before, HouseholdForm corrected) {
        if (corrected.equals(before) || correction.field().equals("mobile")
                && MobileNumber.parse(corrected.mobile()).equals(MobileNumber.parse(before.mobile()))) {
            throw new CorrectionRejectedException("value", "Unchanged", "is the value the household has already");
        }
    }
}
