package pk.registry.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class QuotasTests {

    private final Quotas quotas = new Quotas();

    private final AgreementDrafts.Draft draft = AgreementDrafts.draft("CASH_TRANSFER", LocalDate.of(2026, 11, 23))
            .with(terms -> terms.dailyQuota = 5);

    /** Every test takes its answers in a transaction (its synchronisation, as Spring's transaction manager keeps it). */
    @BeforeEach
    void beginTransaction() {
        TransactionSynchronizationManager.initSynchronization();
    }

    @AfterEach
    void forgetTransaction() {
        TransactionSynchronizationManager.clearSynchronization();
    }

    @Test
    void aQuotaIsUsedUpForTheDay() {
        take(5);

        assertThatExceptionOfType(QuotaExceededException.class).isThrownBy(() -> quotas.take(draft.agreement()))
                .satisfies(refused -> assertThat(refused.retryAfter()).isPositive());
    }

    /** An answer taken in a transaction that rolls back was never given: it goes back to the day's quota. */
    @Test
    void anAnswerTakenInATransactionThatRollsBackIsGivenBack() {
        take(3);
        endTransaction(TransactionSynchronization.STATUS_COMMITTED);
        take(2);
        endTransaction(TransactionSynchronization.STATUS_ROLLED_BACK);

        take(2);
        assertThatExceptionOfType(QuotaExceededException.class).isThrownBy(() -> quotas.take(draft.agreement()));
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

    /** Ends the transaction the answers were taken in as the status says, and begins the next. */
    private static void endTransaction(int status) {
        List<TransactionSynchronization> registered = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        registered.forEach(synchronization -> synchronization.afterCompletion(status));
        TransactionSynchronizationManager.initSynchronization();
    }
}
