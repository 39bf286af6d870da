package pk.registry.household;

import pk.registry.kernel.HouseholdId;

/** A household's answers were corrected (and it was rescored): answers derived from them may have changed. */
public record HouseholdCorrected(HouseholdId household) {
}
