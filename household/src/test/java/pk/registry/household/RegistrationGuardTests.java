package pk.registry.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import pk.registry.household.HeadIdentityCheck.Answer;
import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.MobileNumber;

/** The rules of an applicant's own registration, each conflict recorded under the applicant's owner token. */
class RegistrationGuardTests {

    /** 11:00 in Pakistan: 13 hours to the next day. */
    private static final Instant NOW = Instant.parse("2026-03-10T06:00:00Z");
    private static final byte[] TOKEN = { 1, 2, 3 };

    private final ConflictRecords records = mock(ConflictRecords.class);
    private final Owners owners = mock(Owners.class);
    private final HeadIdentityCheck identity = mock(HeadIdentityCheck.class);
    private final HouseholdForms.Household household = HouseholdForms.household();
    private final Actor applicant = household.owner();
    private final RegistrationGuard guard = guard(identity);

    RegistrationGuardTests() {
        given(owners.tokenOf(applicant)).willReturn(TOKEN);
    }

    @Test
    void theQuotaCountsTheApplicantsConflictsSinceMidnightInPakistan() {
        given(records.countSince(TOKEN, Instant.parse("2026-03-09T19:00:00Z"))).willReturn(2L);

        assertThatCode(() -> guard.admit(applicant)).doesNotThrowAnyException();
    }

    @Test
    void aUsedUpQuotaRefusesUntilTheDayEndsAndChecksNothingElse() {
        given(records.countSince(TOKEN, Instant.parse("2026-03-09T19:00:00Z"))).willReturn(3L);

        assertThatThrownBy(() -> guard.admit(applicant)).isInstanceOfSatisfying(RegistrationQuotaExhaustedException.class,
                refused -> assertThat(refused.retryAfter()).isEqualTo(Duration.ofHours(13)));
        verify(owners, never()).activeHouseholdOf(any());
        verify(records, never()).recordWithin(any(), any(), any(), any(), any(), anyList());
        verifyNoInteractions(identity);
    }

    @Test
    void aSecondHouseholdIsRefusedAndRecordedWithTheApplicantsHousehold() {
        HouseholdId own = HouseholdId.newId();
        given(owners.activeHouseholdOf(applicant)).willReturn(Optional.of(own));

        assertThatThrownBy(() -> guard.requireNoActiveHousehold(applicant))
                .isInstanceOf(HouseholdAlreadyRegisteredException.class);
        verify(records).recordWithin(any(), eq(NOW), eq(ConflictKind.SECOND_HOUSEHOLD), eq(TOKEN), eq(own), eq(List.of()));
    }

    @Test
    void aFirstHouseholdPassesUnrecorded() {
        given(owners.activeHouseholdOf(applicant)).willReturn(Optional.empty());

        guard.requireNoActiveHousehold(applicant);

        verifyNoInteractions(records);
    }

    @Test
    void aConfirmedHeadPassesUnrecorded() {
        given(identity.check(Cnic.parse(household.member(0).cnic), MobileNumber.parse(household.mobile)))
                .willReturn(Answer.CONFIRMED);

        guard.requireHeadConfirmed(applicant, household.form());

        verifyNoInteractions(records);
    }

    @Test
    void aHeadNotConfirmedIsRefusedAndRecorded() {
        given(identity.check(any(), any())).willReturn(Answer.NOT_CONFIRMED);

        assertThatThrownBy(() -> guard.requireHeadConfirmed(applicant, household.form()))
                .isInstanceOf(IdentityNotConfirmedException.class);
        verify(records).recordWithin(any(), eq(NOW), eq(ConflictKind.IDENTITY_NOT_CONFIRMED), eq(TOKEN), isNull(), eq(List.of()));
    }

    @Test
    void anUnavailableCheckAsksToWaitAndRecordsNothing() {
        given(identity.check(any(), any())).willReturn(Answer.UNAVAILABLE);

        assertThatThrownBy(() -> guard.requireHeadConfirmed(applicant, household.form()))
                .isInstanceOfSatisfying(IdentityCheckUnavailableException.class,
                        refused -> assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(60)));
        verifyNoInteractions(records);
    }

    @Test
    void aCollisionIsRecordedWithTheHoldingHouseholdAndThePositions() {
        HouseholdId holder = HouseholdId.newId();

        guard.recordCollision(applicant, new CnicAlreadyRegisteredException(List.of(1, 3), holder));

        verify(records).recordWithin(any(), eq(NOW), eq(ConflictKind.CNIC_REGISTERED), eq(TOKEN), eq(holder), eq(List.of(1, 3)));
    }

    @Test
    void aCollisionPastTheQuotaIsTheQuotasRefusalNotTheCollision() {
        given(records.recordWithin(any(), any(), any(), any(), any(), anyList())).willReturn(Optional.of(Duration.ofHours(2)));

        assertThatThrownBy(() -> guard.recordCollision(applicant, new CnicAlreadyRegisteredException(List.of(0),
                HouseholdId.newId()))).isInstanceOfSatisfying(RegistrationQuotaExhaustedException.class,
                        refused -> assertThat(refused.retryAfter()).isEqualTo(Duration.ofHours(2)));
    }

    @Test
    void withoutAnIdentityCheckTheServiceDoesNotStart() {
        assertThatThrownBy(() -> new RegistrationGuard(records, owners,
                new StaticListableBeanFactory().getBeanProvider(HeadIdentityCheck.class), properties(), clock()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("registry.identity.head-check.url");
    }

    private RegistrationGuard guard(HeadIdentityCheck check) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("check", check);
        return new RegistrationGuard(records, owners, beans.getBeanProvider(HeadIdentityCheck.class), properties(), clock());
    }

    private static RegistrationProperties properties() {
        return new RegistrationProperties(3, Duration.ofSeconds(60));
    }

    private static Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
