package pk.registry.household;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A version of the proxy means test: a base and a weight per factor. A household's score is
 * the base plus every factor's value times its weight, between 0 and 100; lower is poorer.
 * Versions never change once published; exactly one is active and scores new households.
 *
 * @param version e.g. {@code pmt-2025.1}
 * @param base the score of a household whose every factor is zero
 */
public record PmtModel(String version, BigDecimal base, Map<PmtFactor, BigDecimal> weights) {

    public PmtModel {
        weights = Map.copyOf(weights);
    }

    /** The household's score with each factor's contribution, so that it can be explained and appealed. */
    public PmtScore score(HouseholdForm form, LocalDate today) {
        List<PmtScore.Contribution> contributions = new ArrayList<>(weights.size());
        BigDecimal total = base;
        for (PmtFactor factor : PmtFactor.values()) {
            BigDecimal weight = weights.get(factor);
            if (weight == null || weight.signum() == 0) {
                continue;
            }
            BigDecimal value = BigDecimal.valueOf(factor.valueOf(form, today)).setScale(2, RoundingMode.HALF_UP);
            BigDecimal points = value.multiply(weight).setScale(2, RoundingMode.HALF_UP);
            contributions.add(new PmtScore.Contribution(factor, value, points));
            total = total.add(points);
        }
        BigDecimal score = total.max(BigDecimal.ZERO).min(PmtScore.MAXIMUM).setScale(1, RoundingMode.HALF_UP);
        return new PmtScore(version, score, base, contributions);
    }
}
