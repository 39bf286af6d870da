package pk.registry.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;

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

    /**
     * The check hands libphonenumber the number already split into country code and national
     * number; it must answer as libphonenumber does when it parses the text itself, for every
     * three digits after 03 and subscriber numbers across the range.
     */
    @Test
    void answersAsLibphonenumberParsingTheTextWould() throws NumberParseException {
        PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
        int mobiles = 0;
        for (int prefix = 0; prefix < 1000; prefix++) {
            for (int subscriber : new int[] { 0, 123_456, 500_000, 999_999 }) {
                String e164 = String.format(java.util.Locale.ROOT, "+923%03d%06d", prefix, subscriber);
                boolean expected = phones.getNumberType(phones.parse(e164, "PK")) == PhoneNumberType.MOBILE;
                assertThat(MobileNumber.isValid(e164)).as(e164.substring(0, 6)).isEqualTo(expected);
                mobiles += expected ? 1 : 0;
            }
        }
        assertThat(mobiles).as("some prefixes are mobile, some not").isBetween(1, 3_999);
    }

    @ParameterizedTest
    @ValueSource(strings = { "03001234567" })
    void printsOnlyAMaskedForm(String text) {
        MobileNumber mobile = MobileNumber.parse(text);

        assertThat(mobile.toString()).isEqualTo("MobileNumber[+92300*****67]").doesNotContain("1234567");
    }
}
