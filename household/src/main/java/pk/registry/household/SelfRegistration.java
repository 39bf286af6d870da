package pk.registry.household;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import pk.registry.consent.ConsentForm;
import pk.registry.kernel.Actor;

/**
 * An applicant's own registration, bounded ({@link RegistrationGuard}), in this order: the daily
 * quota of conflicts first, so that an applicant who used it up learns nothing more; then a replay
 * of the same {@code Idempotency-Key}, which returns the earlier registration as before; then one
 * household per applicant and the head's identity, both before anything is stored; then the
 * registration itself ({@link Registrations}), whose CNIC claims and active-owner key have the last
 * word under concurrency. Conflicts are recorded outside the registration's transaction.
 */
@Component
class SelfRegistration {

    private final RegistrationGuard guard;
    private final Registrations registrations;

    SelfRegistration(RegistrationGuard guard, Registrations registrations) {
        this.guard = guard;
        this.registrations = registrations;
    }

    /**
     * @throws RegistrationQuotaExhaustedException if the applicant's conflicts of the day used up the quota
     * @throws HouseholdAlreadyRegisteredException if the applicant has a household in the registry
     * @throws IdentityNotConfirmedException if the head's CNIC does not own the applicant's mobile
     * @throws IdentityCheckUnavailableException if that cannot be checked now
     * @throws CnicAlreadyRegisteredException if a member's CNIC belongs to another household
     * @throws IdempotencyKeyReusedException if the key was used with another body
     */
    Registration register(Actor applicant, HouseholdForm form, ConsentForm consent, @Nullable String idempotencyKey) {
        guard.admit(applicant);
        if (idempotencyKey != null) {
            Optional<Registration> earlier = registrations.replay(applicant, form, consent, idempotencyKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        guard.requireNoActiveHousehold(applicant);
        guard.requireHeadConfirmed(applicant, form);
        try {
            return registrations.register(applicant, form, consent, idempotencyKey);
        }
        catch (CnicAlreadyRegisteredException taken) {
            // A concurrent submission of the same applicant may hold these CNICs: then it is their second household.
            guard.requireNoActiveHousehold(applicant);
            guard.recordCollision(applicant, taken);
            throw taken;
        }
        catch (DuplicateKeyException concurrent) {
            // A concurrent request committed first: the same Idempotency-Key (answer with its result), or
            // another household of the same applicant (its active-owner key).
            if (idempotencyKey != null) {
                Optional<Registration> earlier = registrations.replay(applicant, form, consent, idempotencyKey);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            guard.requireNoActiveHousehold(applicant);
            throw concurrent;
        }
    }
}
