package pk.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A form number is reported as the officer wrote it, unless it holds a CNIC's or a mobile's digits. */
class RowErrorTests {

    @ParameterizedTest
    @CsvSource({
            "3520299999031, *********9031",
            "35202-9999903-1, *****-****903-1",
            "F-35202-9999903-1, F-*****-****903-1",
            "03001234567, *******4567",
            "0300-1234567, ****-***4567",
            "form/923001234567, form/********4567",
            "LHR-2026-000123, LHR-2026-000123",
            "123456789, 123456789",
            "A1/0012345678, A1/******5678",
    })
    void aRefHoldingACnicOrAMobileKeepsOnlyItsLastFourDigits(String written, String reported) {
        assertThat(new RowError(2, written, "district", "DistrictNotServed", "is not served").householdRef())
                .isEqualTo(reported);
    }
}
