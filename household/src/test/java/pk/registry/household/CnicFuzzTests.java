package pk.registry.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;


import com.code_intelligence.jazzer.junit.FuzzTest;

import pk.testsupport.TimedInputs;

/**
 * Any text is either a CNIC, whose two spellings both parse back to it and which prints only
 * masked, or is refused with the documented {@link IllegalArgumentException} ("not a CNIC",
 * never the text) and {@link Cnic#isValid} says so beforehand. Replays
 * {@code CnicFuzzTestsInputs/} in every build; {@code JAZZER_FUZZ=1} fuzzes it (README, "Fuzzing").
 */
class CnicFuzzTests {

    private static final Duration PER_INPUT = Duration.ofSeconds(5);

    private static final TimedInputs TIMED = new TimedInputs(PER_INPUT);

    /** Far longer than a CNIC (15 characters): the parser must refuse such text, not choke on it. */
    private static final int MAX_CHARS = 1_000;

    @FuzzTest(maxDuration = "5m")
    void anyTextIsACnicThatRoundTripsOrTheDocumentedRefusal(byte[] input) throws Throwable {
        String text = new String(input, StandardCharsets.UTF_8);
        if (text.length() > MAX_CHARS) {
            return;
        }
        TIMED.run(() -> {
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
        TIMED.run(() -> {
            try {
                assertThat(new Cnic(text).digits()).isEqualTo(text).matches("[1-7]\\d{12}");
            }
            catch (IllegalArgumentException refused) {
                assertThat(refused).hasMessage("not a CNIC");
            }
        });
    }

}
