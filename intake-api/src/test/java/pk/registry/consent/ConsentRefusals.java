package pk.registry.consent;

import java.util.List;

import pk.registry.consent.PolicyVersions.PolicyConflictException;
import pk.registry.consent.PolicyVersions.PolicyRejectedException;

/** The consent module's refusals, whose constructors it keeps to itself, for web tests with mocked facades. */
public final class ConsentRefusals {

    private ConsentRefusals() {
    }

    public static ConsentConflictException consentConflict(String message) {
        return new ConsentConflictException(message);
    }

    public static ConsentRejectedException consentRejected(ConsentProblem... problems) {
        return new ConsentRejectedException(List.of(problems));
    }

    public static PolicyRejectedException policyRejected(ConsentProblem... problems) {
        return new PolicyRejectedException(List.of(problems));
    }

    public static PolicyConflictException policyConflict(String message) {
        return new PolicyConflictException(message);
    }
}
