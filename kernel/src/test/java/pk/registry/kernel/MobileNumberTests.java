package pk.registry.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MobileNumberTests {

    @ParameterizedTest
    @ValueSource(strings = { "03001234567", "+923001234567", "923001234567", " 03001234567 " })
    void theThreeAcceptedSpellingsNormaliseToE164(String spelling) {
        assertThat(MobileNumber.parse(spelling).e164()).isEqualTo("+923001234567");
    }

    @ParameterizedTest
    @ValueSource(strings = { "0300123456", "030012345678", "0300-1234567", "00923001234567", "+92 300 1234567",
            "04235761234", "+924235761234", "+913001234567", "3001234567", "", "03001234567x",
            "03991234567" })
    void anythingElseIsRefused(String text) {
        assertThat(MobileNumber.isValid(text)).isFalse();
        assertThatThrownBy(() -> MobileNumber.parse(text)).hasMessageNotContaining(text.isBlank() ? "\u0000" : text);
    }

    @ParameterizedTest
    @ValueSource(strings = { "+924235761234", "+4915112345678", "03001234567" })
    void theCanonicalConstructorAcceptsOnlyPakistaniMobilesInE164(String text) {
        assertThatThrownBy(() -> new MobileNumber(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "03001234567" })
    void printsOnlyAMaskedForm(String text) {
        MobileNumber mobile = MobileNumber.parse(text);

        assertThat(mobile.toString()).isEqualTo("MobileNumber[+92300*****67]").doesNotContain("1234567");
    }
}
