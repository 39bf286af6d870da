package pk.registry.household;

import pk.registry.kernel.HouseholdId;

/**
 * The outcome of a submission.
 *
 * @param consentReceipt the signed receipt of the consent given with the household (compact JWS)
 * @param replayed {@code true} when an earlier submission with the same Idempotency-Key and body is returned again
 */
public record Registration(HouseholdId id, boolean replayed, String consentReceipt) {
}
