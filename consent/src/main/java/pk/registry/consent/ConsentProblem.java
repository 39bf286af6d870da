package pk.registry.consent;

/**
 * Why a consent cannot be accepted.
 *
 * @param field the consent field at fault, relative to the consent block ({@code policyVersion}, {@code purposes})
 * @param code a stable rule code
 * @param message a human-readable explanation
 */
public record ConsentProblem(String field, String code, String message) {
}
