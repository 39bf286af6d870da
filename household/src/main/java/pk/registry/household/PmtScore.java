package pk.registry.household;

import java.math.BigDecimal;
import java.util.List;

/**
 * A household's proxy-means-test score under one model version, 0 to 100 (lower is poorer),
 * with its explanation: the base and what each factor added or took away.
 */
public record PmtScore(String modelVersion, BigDecimal score, BigDecimal base, List<Contribution> contributions) {

    static final BigDecimal MAXIMUM = BigDecimal.valueOf(100);

    public PmtScore {
        contributions = List.copyOf(contributions);
    }

    /** Eligible for a programme whose cut-off this is: a score at or under it. */
    public boolean atOrBelow(BigDecimal cutoff) {
        return score.compareTo(cutoff) <= 0;
    }

    /**
     * One factor's part of the score.
     *
     * @param value the household's value of the factor (see {@link PmtFactor#unit()})
     * @param points what the factor added to (or took from) the score
     */
    public record Contribution(PmtFactor factor, BigDecimal value, BigDecimal points) {
    }
}
