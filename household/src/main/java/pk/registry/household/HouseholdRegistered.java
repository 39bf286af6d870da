package pk.registry.household;

import java.time.Instant;

import pk.registry.consent.ConsentMethod;
import pk.registry.kernel.HouseholdId;

/**
 * A household was stored, by an applicant online or from a field officer's upload. Published
 * in the transaction that stores it; carries no personal data (the district is the registry's
 * unit of scope and statistics).
 */
public record HouseholdRegistered(HouseholdId household, String district, ConsentMethod channel, Instant at) {
}
