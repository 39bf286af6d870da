package pk.registry.rights;

import org.jspecify.annotations.Nullable;

/**
 * A correction as its decider sees it once decided.
 *
 * @param householdOwnedOnline after an approval, whether an applicant sees the household online:
 *        not when its mobile was corrected to one that owns another household (the household
 *        module's ownership rule), which the decider should know to tell the household in person;
 *        null after a rejection, which changes nothing
 */
public record DecidedCorrection(Correction correction, @Nullable Boolean householdOwnedOnline) {
}
