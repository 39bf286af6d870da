package pk.registry.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A correction's value is read as the field's type: ASCII numbers only, as the CSV template and JSON have them. */
class FieldCorrectionTests {

    private final HouseholdForm form = HouseholdForms.household().form();

    @Test
    void asciiNumbersAreReadAsTheFieldsType() {
        assertThat(new FieldCorrection("rooms", " 4 ").applyTo(form).rooms()).isEqualTo(4);
        assertThat(new FieldCorrection("landAcres", "1.25").applyTo(form).landAcres()).isEqualByComparingTo("1.25");
        assertThat(new FieldCorrection("members[0].monthlyIncomePkr", "30000").applyTo(form).members().get(0)
                .monthlyIncomePkr()).isEqualTo(30_000L);
    }

    /** Java's parsers read any script's digits (Arabic-Indic ٢, Extended ۲, Devanagari २, fullwidth ２). */
    @ParameterizedTest
    @CsvSource({ "rooms, ٢", "rooms, ۲", "livestock, २", "landAcres, ١.٥", "landAcres, ２", "electricityBillPkr, ١٠٠٠",
            "gasBillPkr, 1٠", "monthlyExpensesPkr, ۱۰۰۰", "members[0].monthlyIncomePkr, ١٠٠٠" })
    void digitsOfOtherScriptsAreNotOfTheFieldsType(String field, String value) {
        CorrectionRejectedException rejected = catchThrowableOfType(CorrectionRejectedException.class,
                () -> new FieldCorrection(field, value).applyTo(form));

        assertThat(rejected.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("value");
            assertThat(problem.code()).isEqualTo("Type");
            assertThat(problem.message()).doesNotContain(value);
        });
    }
}
