package pk.registry.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import pk.registry.household.Households.DistrictCount;

class HouseholdStatisticsTests {

    @Test
    void cellsUnderTenAreSuppressed() {
        List<DistrictCount> counts = List.of(new DistrictCount("A", 3, 12), new DistrictCount("B", 5, 30),
                new DistrictCount("C", 40, 200));

        assertThat(HouseholdStatistics.suppressed(counts, DistrictCount::households)).containsExactlyInAnyOrder("A", "B");
        assertThat(HouseholdStatistics.suppressed(counts, DistrictCount::persons)).isEmpty();
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
