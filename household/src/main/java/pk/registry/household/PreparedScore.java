package pk.registry.household;

import java.time.Instant;

import pk.registry.kernel.HouseholdId;

/**
 * A household's score under a model version, worked out from the household as it was read,
 * ahead of the transaction that stores it ({@link HouseholdScores#prepare},
 * {@link HouseholdScores#store}). Its explanation is sealed; it names no person.
 */
public final class PreparedScore {

    private final ScoreRow score;
    private final Instant basedOn;

    /**
     * @param basedOn when the household it was worked out from had last changed
     */
    PreparedScore(ScoreRow score, Instant basedOn) {
        this.score = score;
        this.basedOn = basedOn;
    }

    /** The household scored. */
    public HouseholdId household() {
        return score.household();
    }

    ScoreRow score() {
        return score;
    }

    Instant basedOn() {
        return basedOn;
    }

    @Override
    public String toString() {
        return "PreparedScore[" + score.household() + ", " + score.modelVersion() + "]";
    }
}
