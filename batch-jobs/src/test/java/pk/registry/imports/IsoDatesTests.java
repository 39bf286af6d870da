package pk.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoDatesTests {

    @ParameterizedTest
    @ValueSource(strings = { "1983-02-02", "2024-02-29", "2000-02-29", "0000-01-01", "9999-12-31", "1970-01-01",
            "+12345-01-01", "-0001-01-01" })
    void readsWhatLocalDateParseReads(String text) {
        assertThat(IsoDates.parse(text)).isEqualTo(LocalDate.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = { "2023-02-29", "1900-02-29", "2024-02-30", "2024-04-31", "2024-13-01", "2024-00-10",
            "2024-01-00", "2024-01-32", "02/02/1983", "1983-2-2", "1983-02-2 ", "1983/02/02", "1983-02-0x",
            "١٩٨٣-٠٢-٠٢", "１９８３-０２-０２", "+983-02-02", "19830202", "", "1983-02-02T00:00" })
    void refusesWhatLocalDateParseRefuses(String text) {
        assertThatExceptionOfType(DateTimeException.class).isThrownBy(() -> LocalDate.parse(text));
        assertThatExceptionOfType(DateTimeException.class).isThrownBy(() -> IsoDates.parse(text));
    }

    /** Random ten-character texts of digits and dashes, where the digit-by-digit reading applies. */
    @Test
    void agreesWithLocalDateParseOnTextsOfTheTemplatesShape() {
        Random random = new Random(20261124);
        String alphabet = "0123456789-";
        for (int i = 0; i < 200_000; i++) {
            char[] text = new char[10];
            for (int k = 0; k < 10; k++) {
                text[k] = k == 4 || k == 7 ? '-' : alphabet.charAt(random.nextInt(k == 5 ? 2 : k == 8 ? 4 : 10));
            }
            if (random.nextInt(20) == 0) {
                text[random.nextInt(10)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String candidate = new String(text);
            assertThat(outcome(() -> IsoDates.parse(candidate))).as(candidate)
                    .isEqualTo(outcome(() -> LocalDate.parse(candidate)));
        }
    }

    private static String outcome(java.util.function.Supplier<LocalDate> parse) {
        try {
            return parse.get().toString();
        }
        catch (DateTimeException ex) {
            return "refused";
        }
    }
}
