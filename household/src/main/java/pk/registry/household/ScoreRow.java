package pk.registry.household;

import java.math.BigDecimal;
import java.time.Instant;

import pk.registry.kernel.HouseholdId;

/** A row of {@code household_score}: the score in clear, its explanation sealed under the household's key. */
record ScoreRow(HouseholdId household, String modelVersion, BigDecimal score, byte[] explanation, Instant scoredAt) {

    @Override
    public String toString() {
        return "ScoreRow[" + household + ", " + modelVersion + "]";
    }
}
