package pk.registry.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import pk.registry.household.Households.DistrictCount;

class HouseholdStatisticsTests {

    @Test
    void cellsUnderTenAreSuppressed() {
        List<DistrictCount> counts = List.of(new DistrictCount("A", 3, 12), new DistrictCount("B", 7, 30),
                new DistrictCount("C", 40, 200));

        assertThat(HouseholdStatistics.suppressed(counts, DistrictCount::households)).containsExactlyInAnyOrder("A", "B");
        assertThat(HouseholdStatistics.suppressed(counts, DistrictCount::persons)).isEmpty();
    }

    /**
     * Two hidden districts of one household each: the total less the cells shown is 2, and every
     * listed district has one household at least, so each would be known to hold one.
     */
    @Test
    void hiddenCellsWhoseSumIsSmallTakeTheNextSmallestWithThemSoTheTotalCannotRevealThem() {
        List<DistrictCount> counts = List.of(new DistrictCount("Bahawalpur", 1, 1), new DistrictCount("Kasur", 1, 1),
                new DistrictCount("Multan", 12, 60), new DistrictCount("Lahore", 3004, 6004));

        assertThat(HouseholdStatistics.suppressed(counts, DistrictCount::households))
                .containsExactlyInAnyOrder("Bahawalpur", "Kasur", "Multan");
    }

    @Test
    void aLoneSuppressedCellTakesTheNextSmallestWithItSoTheTotalCannotRevealIt() {
        List<DistrictCount> counts = List.of(new DistrictCount("A", 40, 200), new DistrictCount("B", 4, 20),
                new DistrictCount("C", 25, 100));

        assertThat(HouseholdStatistics.suppressed(counts, DistrictCount::households)).containsExactlyInAnyOrder("B", "C");
    }

    @Test
    void tenIsShown() {
        assertThat(HouseholdStatistics.suppressed(List.of(new DistrictCount("A", 10, 10)), DistrictCount::households)).isEmpty();
    }
}
