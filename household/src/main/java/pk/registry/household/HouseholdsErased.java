package pk.registry.household;

import pk.registry.kernel.HouseholdId;

/**
 * A household was erased: its personal data, blind-index entries and data key are gone; only
 * its pseudonymous id remains in the audit trail and the disclosure log. Its members are
 * unregistered from now on.
 */
public record HouseholdErased(HouseholdId household) {
}
