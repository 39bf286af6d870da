package pk.registry.household;

/**
 * The applicant already owns a household that is in the registry: one applicant, one household.
 * Changes go through a correction of that household. Says nothing about the household.
 */
public class HouseholdAlreadyRegisteredException extends RuntimeException {

    HouseholdAlreadyRegisteredException() {
        super("the applicant already has a household in the registry");
    }
}
