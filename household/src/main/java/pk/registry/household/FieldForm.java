package pk.registry.household;

import java.time.LocalDate;

import pk.registry.consent.ConsentForm;

/**
 * A household with the consent given with it, already checked with the rule set.
 *
 * @param consentObtainedOn the day the person consented (online: today; on paper: the form's date)
 */
public record FieldForm(HouseholdForm household, ConsentForm consent, LocalDate consentObtainedOn) {

    @Override
    public String toString() {
        return "FieldForm[" + household + "]";
    }
}
