package pk.registry.consent;

/**
 * Why a consent, or a policy version to publish, cannot be accepted.
 *
 * @param field the field at fault, relative to the consent block ({@code policyVersion}, {@code purposes}) or
 *        the publication ({@code purposes}, {@code effectiveFrom})
 * @param code a stable rule code
 * @param message a human-readable explanation
 */
public record ConsentProblem(String field, String code, String message) {
}
