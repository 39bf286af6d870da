package pk.registry.household;

import java.util.List;

/** The household module's refusals, whose constructors it keeps to itself, for web tests with a mocked facade. */
public final class HouseholdRefusals {

    private HouseholdRefusals() {
    }

    public static CnicAlreadyRegisteredException cnicAlreadyRegistered(Integer... memberIndexes) {
        return new CnicAlreadyRegisteredException(List.of(memberIndexes));
    }

    public static CorrectionRejectedException correctionRejected(String field, String code, String message) {
        return new CorrectionRejectedException(field, code, message);
    }

    public static IdempotencyKeyReusedException idempotencyKeyReused() {
        return new IdempotencyKeyReusedException();
    }
}
