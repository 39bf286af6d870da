package pk.registry.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.function.Executable;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any text is either a CNIC, whose two spellings both parse back to it and which prints only
 * masked, or is refused with the documented {@link IllegalArgumentException} ("not a CNIC",
 * never the text) and {@link Cnic#isValid} says so beforehand. Replays
 * {@code CnicFuzzTestsInputs/} in every build; {@code JAZZER_FUZZ=1} fuzzes it (README, "Fuzzing").
 */
class CnicFuzzTests {

    private static final Duration PER_INPUT = Duration.ofSeconds(5);

    /** Far longer than a CNIC (15 characters): the parser must refuse such text, not choke on it. */
    private static final int MAX_CHARS = 1_000;

    @FuzzTest(maxDuration = "5m")
    void anyTextIsACnicThatRoundTripsOrTheDocumentedRefusal(byte[] input) throws Throwable {
        String text = new String(input, StandardCharsets.UTF_8);
        if (text.length() > MAX_CHARS) {
            return;
        }
        withinTime(() -> {
            if (!Cnic.isValid(text)) {
                assertThatIllegalArgumentException().isThrownBy(() -> Cnic.parse(text)).withMessage("not a CNIC");
                return;
            }
            assertThat(Cnic.isWellFormed(text)).isTrue();
            Cnic cnic = Cnic.parse(text);
            String digits = cnic.digits();
            assertThat(digits).matches("[1-7]\\d{12}");
            String dashed = digits.substring(0, 5) + "-" + digits.substring(5, 12) + "-" + digits.charAt(12);
            assertThat(Cnic.parse(dashed)).isEqualTo(cnic);
            assertThat(Cnic.parse(digits)).isEqualTo(cnic);
            assertThat(new Cnic(digits)).isEqualTo(cnic);
            assertThat(cnic.masked()).isEqualTo(digits.substring(0, 5) + "-*******-" + digits.charAt(12));
            assertThat(cnic.toString()).doesNotContain(digits.substring(5, 12));
            assertThat(cnic.fitsGender(Gender.X)).isTrue();
            assertThat(cnic.fitsGender(Gender.M)).isNotEqualTo(cnic.fitsGender(Gender.F));
        });
    }

    @FuzzTest(maxDuration = "5m")
    void theCanonicalConstructorTakesOnlyThirteenDigitsOrRefusesAsDocumented(byte[] input) throws Throwable {
        String text = new String(input, StandardCharsets.UTF_8);
        if (text.length() > MAX_CHARS) {
            return;
        }
        withinTime(() -> {
            try {
                assertThat(new Cnic(text).digits()).isEqualTo(text).matches("[1-7]\\d{12}");
            }
            catch (IllegalArgumentException refused) {
                assertThat(refused).hasMessage("not a CNIC");
            }
        });
    }

    /** Whether this JVM ran an input yet: the first loads (and, when fuzzing, instruments) the parsers, untimed. */
    private static boolean warm;

    /** Runs one input, failing if it takes longer than {@link #PER_INPUT} (after the first, which warms up). */
    private static void withinTime(Executable input) throws Throwable {
        if (warm) {
            assertTimeout(PER_INPUT, input);
        }
        else {
            warm = true;
            input.execute();
        }
    }
}
