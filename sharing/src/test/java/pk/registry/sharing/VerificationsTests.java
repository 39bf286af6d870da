package pk.registry.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A score's band of twenty points: the lower bound belongs to the band, 100 to the top one. */
class VerificationsTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0, 0-20",
            "0.0, 0-20",
            "12.9, 0-20",
            "19.9, 0-20",
            "19.99, 0-20",
            "20, 20-40",
            "20.0, 20-40",
            "39.9, 20-40",
            "40, 40-60",
            "59.9, 40-60",
            "60, 60-80",
            "79.9, 60-80",
            "80, 80-100",
            "99.9, 80-100",
            "100, 80-100",
            "100.0, 80-100" })
    void band(String score, String band) {
        assertThat(Verifications.band(new BigDecimal(score))).isEqualTo(band);
    }
}
