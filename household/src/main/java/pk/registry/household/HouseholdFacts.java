package pk.registry.household;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

import pk.registry.kernel.HouseholdId;

/**
 * What a partner's minimal answer about a registered person may be built from: never the
 * household's personal answers, only its id (pseudonymous), district, size and score.
 *
 * @param score the score under the model version asked for; {@code null} if not scored under it (yet)
 */
public record HouseholdFacts(HouseholdId household, String district, int memberCount, @Nullable BigDecimal score) {
}
