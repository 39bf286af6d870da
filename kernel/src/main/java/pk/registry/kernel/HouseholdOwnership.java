package pk.registry.kernel;

import java.util.Optional;

/**
 * The one rule that says which household is an applicant's own: the household module decides
 * it, every module that serves an applicant's "my data" asks it here. A mobile number typed
 * into a form never makes a household anyone's.
 */
public interface HouseholdOwnership {

    /** The household the applicant owns, if any; empty for every other role. */
    Optional<HouseholdId> householdOf(Actor applicant);

    /**
     * @throws NoHouseholdException if the applicant owns no household
     */
    default HouseholdId requireHouseholdOf(Actor applicant) {
        return householdOf(applicant).orElseThrow(NoHouseholdException::new);
    }
}
