package pk.registry.consent;

import java.time.Instant;

import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.Purpose;

/**
 * A household withdrew an optional purpose: from {@code at} on, nothing may process its data
 * for that purpose. Published after the withdrawal is recorded and audited.
 */
public record ConsentWithdrawn(HouseholdId household, Purpose purpose, Instant at) {
}
