package pk.registry.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CnicTests {

    @ParameterizedTest
    @ValueSource(strings = { "35202-1234567-1", "3520212345671", "12345-1234567-8", "71234-1234567-0" })
    void acceptsBothSpellingsWithProvinceOneToSeven(String text) {
        assertThat(Cnic.isValid(text)).isTrue();
        assertThat(Cnic.parse(text).digits()).hasSize(13).doesNotContain("-");
    }

    @ParameterizedTest
    @ValueSource(strings = { "85202-1234567-1", "05202-1234567-1", "3520-21234567-1", "352021234567", "35202123456711",
            "35202-1234567-", "3520212345 71", "35202_1234567_1", "" })
    void refusesEverythingElse(String text) {
        assertThat(Cnic.isValid(text)).isFalse();
        assertThatThrownBy(() -> Cnic.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLastDigitFitsTheGender() {
        assertThat(Cnic.parse("35202-1234567-1").fitsGender(Gender.M)).isTrue();
        assertThat(Cnic.parse("35202-1234567-1").fitsGender(Gender.F)).isFalse();
        assertThat(Cnic.parse("35202-1234567-2").fitsGender(Gender.F)).isTrue();
        assertThat(Cnic.parse("35202-1234567-2").fitsGender(Gender.M)).isFalse();
        assertThat(Cnic.parse("35202-1234567-2").fitsGender(Gender.X)).isTrue();
    }

    @Test
    void printsOnlyTheMaskedForm() {
        Cnic cnic = Cnic.parse("35202-1234567-1");

        assertThat(cnic.masked()).isEqualTo("35202-*******-1");
        assertThat(cnic.toString()).doesNotContain("1234567");
    }
}
