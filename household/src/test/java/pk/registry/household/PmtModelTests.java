package pk.registry.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The proxy means test's arithmetic, with the weights of the seeded model pmt-2025.1. */
class PmtModelTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    /** The weights of migration V8, so that a change to either shows here. */
    static PmtModel seeded() {
        Map<PmtFactor, BigDecimal> weights = new EnumMap<>(PmtFactor.class);
        weights.put(PmtFactor.HOUSEHOLD_SIZE, new BigDecimal("-1.0"));
        weights.put(PmtFactor.DEPENDENCY_RATIO, new BigDecimal("-4.0"));
        weights.put(PmtFactor.INCOME_PER_CAPITA, new BigDecimal("0.8"));
        weights.put(PmtFactor.EMPLOYED_ADULTS, new BigDecimal("8.0"));
        weights.put(PmtFactor.HEAD_EDUCATION, new BigDecimal("1.5"));
        weights.put(PmtFactor.DWELLING_OWNED, new BigDecimal("4.0"));
        weights.put(PmtFactor.PERSONS_PER_ROOM, new BigDecimal("-2.0"));
        weights.put(PmtFactor.LAND, new BigDecimal("0.8"));
        weights.put(PmtFactor.LIVESTOCK, new BigDecimal("0.3"));
        weights.put(PmtFactor.MOTORCYCLE, new BigDecimal("3.0"));
        weights.put(PmtFactor.CAR, new BigDecimal("10.0"));
        weights.put(PmtFactor.UTILITY_BILLS, new BigDecimal("0.4"));
        weights.put(PmtFactor.EXPENSES_PER_CAPITA, new BigDecimal("0.3"));
        weights.put(PmtFactor.DISABILITY, new BigDecimal("-2.0"));
        return new PmtModel("pmt-2025.1", BigDecimal.valueOf(25), weights);
    }

    @Test
    void thePoorSampleHouseholdScoresLowWithEveryFactorExplained() {
        PmtScore score = seeded().score(HouseholdForms.poor(TODAY).form(), TODAY);

        assertThat(score.modelVersion()).isEqualTo("pmt-2025.1");
        assertThat(score.score()).isEqualByComparingTo("12.9");
        assertThat(score.atOrBelow(BigDecimal.valueOf(30))).isTrue();
        assertThat(points(score, PmtFactor.HOUSEHOLD_SIZE)).isEqualByComparingTo("-6.00");
        assertThat(value(score, PmtFactor.DEPENDENCY_RATIO)).as("four children per two working-age adults").isEqualByComparingTo("2.00");
        assertThat(value(score, PmtFactor.INCOME_PER_CAPITA)).isEqualByComparingTo("4.17");
        assertThat(value(score, PmtFactor.EMPLOYED_ADULTS)).as("daily wages are no regular work").isEqualByComparingTo("0");
        assertThat(value(score, PmtFactor.HEAD_EDUCATION)).as("primary").isEqualByComparingTo("1");
        assertThat(value(score, PmtFactor.PERSONS_PER_ROOM)).isEqualByComparingTo("3");
        assertThat(score.base().add(score.contributions().stream().map(PmtScore.Contribution::points)
                .reduce(BigDecimal.ZERO, BigDecimal::add)).setScale(1, java.math.RoundingMode.HALF_UP))
                .as("the explanation adds up to the score, to its one decimal")
                .isEqualByComparingTo(score.score());
    }

    @Test
    void aWellOffHouseholdIsCappedAtOneHundred() {
        PmtScore score = seeded().score(HouseholdForms.wellOff(TODAY).form(), TODAY);

        assertThat(score.score()).isEqualByComparingTo("100");
        assertThat(score.atOrBelow(BigDecimal.valueOf(30))).isFalse();
        assertThat(points(score, PmtFactor.CAR)).isEqualByComparingTo("10.00");
        assertThat(value(score, PmtFactor.INCOME_PER_CAPITA)).as("230,000 PKR for four").isEqualByComparingTo("57.50");
    }

    @Test
    void factorsAreCappedSoThatOneAnswerCannotCarryTheScore() {
        HouseholdForms.Household household = HouseholdForms.wellOff(TODAY).with(h -> {
            h.landAcres = new BigDecimal("9000");
            h.livestock = 10_000;
        });

        PmtScore score = seeded().score(household.form(), TODAY);

        assertThat(value(score, PmtFactor.LAND)).isEqualByComparingTo("50");
        assertThat(value(score, PmtFactor.LIVESTOCK)).isEqualByComparingTo("50");
    }

    @Test
    void aScoreNeverFallsBelowZeroAndAFactorWithoutWeightIsLeftOut() {
        PmtModel harsh = new PmtModel("harsh", BigDecimal.ZERO, Map.of(PmtFactor.HOUSEHOLD_SIZE, new BigDecimal("-50")));

        PmtScore score = harsh.score(HouseholdForms.poor(TODAY).form(), TODAY);

        assertThat(score.score()).isEqualByComparingTo("0");
        assertThat(score.contributions()).extracting(PmtScore.Contribution::factor).containsExactly(PmtFactor.HOUSEHOLD_SIZE);
    }

    private static BigDecimal points(PmtScore score, PmtFactor factor) {
        return contribution(score, factor).points();
    }

    private static BigDecimal value(PmtScore score, PmtFactor factor) {
        return contribution(score, factor).value();
    }

    private static PmtScore.Contribution contribution(PmtScore score, PmtFactor factor) {
        return score.contributions().stream().filter(contribution -> contribution.factor() == factor).findFirst().orElseThrow();
    }
}
