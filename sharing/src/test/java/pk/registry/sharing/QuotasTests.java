package pk.registry.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class QuotasTests {

    private final Quotas quotas = new Quotas();

    private final AgreementDrafts.Draft draft = AgreementDrafts.draft("CASH_TRANSFER", LocalDate.of(2026, 11, 23))
            .with(terms -> terms.dailyQuota = 5);

    @Test
    void aQuotaIsUsedUpForTheDay() {
        take(5);

        assertThatExceptionOfType(QuotaExceededException.class).isThrownBy(() -> quotas.take(draft.agreement()))
                .satisfies(refused -> assertThat(refused.retryAfter()).isPositive());
    }

    @Test
    void loweringAQuotaKeepsWhatWasUsedToday() {
        take(3);
        draft.dailyQuota = 4;

        take(1);
        assertThatExceptionOfType(QuotaExceededException.class).isThrownBy(() -> quotas.take(draft.agreement()));
    }

    @Test
    void raisingAQuotaAddsOnlyTheDifference() {
        take(5);
        draft.dailyQuota = 8;

        take(3);
        assertThatExceptionOfType(QuotaExceededException.class).isThrownBy(() -> quotas.take(draft.agreement()));
    }

    @Test
    void loweringAQuotaBelowWhatWasUsedAndRaisingItAgainKeepsAllThatWasUsed() {
        take(5);
        draft.dailyQuota = 2;
        assertThatExceptionOfType(QuotaExceededException.class).isThrownBy(() -> quotas.take(draft.agreement()));
        draft.dailyQuota = 8;

        take(3);
        assertThatExceptionOfType(QuotaExceededException.class).as("5 used of 8 before the 3").isThrownBy(
                () -> quotas.take(draft.agreement()));
    }

    @Test
    void eachAgreementHasItsOwnQuota() {
        take(5);
        AgreementDrafts.Draft other = AgreementDrafts.draft("CASH_TRANSFER", LocalDate.of(2026, 11, 23))
                .with(terms -> terms.dailyQuota = 1);

        quotas.take(other.agreement());
    }

    private void take(int answers) {
        for (int answer = 0; answer < answers; answer++) {
            quotas.take(draft.agreement());
        }
    }
}
