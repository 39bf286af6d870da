package pk.registry.household;

import java.time.Duration;
import java.util.List;

import pk.registry.kernel.HouseholdId;

/** The household module's refusals, whose constructors it keeps to itself, for web tests with a mocked facade. */
public final class HouseholdRefusals {

    private HouseholdRefusals() {
    }

    public static CnicAlreadyRegisteredException cnicAlreadyRegistered(HouseholdId holder, Integer... memberIndexes) {
        return new CnicAlreadyRegisteredException(List.of(memberIndexes), holder);
    }

    public static HouseholdAlreadyRegisteredException householdAlreadyRegistered() {
        return new HouseholdAlreadyRegisteredException();
    }

    public static IdentityNotConfirmedException identityNotConfirmed() {
        return new IdentityNotConfirmedException();
    }

    public static IdentityCheckUnavailableException identityCheckUnavailable(Duration retryAfter) {
        return new IdentityCheckUnavailableException(retryAfter);
    }

    public static RegistrationQuotaExhaustedException quotaExhausted(Duration retryAfter) {
        return new RegistrationQuotaExhaustedException(retryAfter);
    }

    public static CorrectionRejectedException correctionRejected(String field, String code, String message) {
        return new CorrectionRejectedException(field, code, message);
    }

    public static IdempotencyKeyReusedException idempotencyKeyReused() {
        return new IdempotencyKeyReusedException();
    }
}
