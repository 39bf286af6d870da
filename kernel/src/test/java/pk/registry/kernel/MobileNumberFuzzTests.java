package pk.registry.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.function.Executable;

import com.code_intelligence.jazzer.junit.FuzzTest;

import pk.registry.kernel.MobileNumber.InvalidMobileNumberException;

/**
 * Any text is either a Pakistani mobile number, which prints masked and comes back unchanged
 * from its own E.164 spelling and from the national one, or is refused with
 * {@link InvalidMobileNumberException} and nothing else. Replays
 * {@code MobileNumberFuzzTestsInputs/} in every build; {@code JAZZER_FUZZ=1} fuzzes it (README, "Fuzzing").
 */
class MobileNumberFuzzTests {

    /** Far above what one parse takes; an input slower than this is a finding. */
    private static final Duration PER_INPUT = Duration.ofSeconds(5);

    /** Longer than any accepted spelling with surrounding blanks: the parser must refuse it, not choke on it. */
    private static final int MAX_CHARS = 1_000;

    @FuzzTest(maxDuration = "5m")
    void anyTextIsAMobileNumberThatRoundTripsOrTheDocumentedRefusal(byte[] input) throws Throwable {
        String text = new String(input, StandardCharsets.UTF_8);
        if (text.length() > MAX_CHARS) {
            return;
        }
        withinTime(() -> {
            MobileNumber parsed;
            try {
                parsed = MobileNumber.parse(text);
            }
            catch (InvalidMobileNumberException refused) {
                assertThat(MobileNumber.isValid(text)).isFalse();
                assertThat(refused).hasMessage("not a Pakistani mobile number");
                return;
            }
            assertThat(MobileNumber.isValid(text)).isTrue();
            assertThat(parsed.e164()).matches("\\+923\\d{9}");
            assertThat(MobileNumber.parse(parsed.e164())).isEqualTo(parsed);
            assertThat(MobileNumber.parse("0" + parsed.e164().substring(3))).isEqualTo(parsed);
            assertThat(new MobileNumber(parsed.e164())).isEqualTo(parsed);
            String e164 = parsed.e164();
            assertThat(parsed.masked()).isEqualTo(e164.substring(0, 6) + "*****" + e164.substring(11));
            assertThat(parsed.toString()).isEqualTo("MobileNumber[" + parsed.masked() + "]");
        });
    }

    @FuzzTest(maxDuration = "5m")
    void theCanonicalConstructorTakesOnlyE164MobilesOrRefusesAsDocumented(byte[] input) throws Throwable {
        String text = new String(input, StandardCharsets.UTF_8);
        if (text.length() > MAX_CHARS) {
            return;
        }
        withinTime(() -> {
            try {
                assertThat(new MobileNumber(text).e164()).isEqualTo(text).matches("\\+923\\d{9}");
            }
            catch (InvalidMobileNumberException refused) {
                assertThat(refused).hasMessage("not a Pakistani mobile number");
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
