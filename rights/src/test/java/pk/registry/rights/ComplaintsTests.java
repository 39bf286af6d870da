package pk.registry.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

import pk.registry.audit.AuditTrail;
import pk.registry.household.HouseholdNotes;
import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.Role;

/** The complaint facade's own rules, with its collaborators mocked. */
class ComplaintsTests {

    private static final Actor APPLICANT = new Actor("+923001234567", Role.APPLICANT, Set.of(), null);
    private static final Actor DPO = new Actor("dpo", Role.DPO, Set.of(), null);
    private static final HouseholdId HOUSEHOLD = HouseholdId.newId();

    private final ComplaintRecords records = mock(ComplaintRecords.class);
    private final ComplaintReferences references = mock(ComplaintReferences.class);
    private final HouseholdNotes notes = mock(HouseholdNotes.class);
    private final AuditTrail audit = mock(AuditTrail.class);
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);
    private final Complaints complaints = new Complaints(records, references, notes, audit,
            new FilingQuota(new FilingQuota.Properties(2), clock), clock);

    /** The household exists: holding it for a filing or a decision finds it. */
    @BeforeEach
    void householdExists() {
        given(notes.holdForFiling(HOUSEHOLD)).willReturn(true);
    }

    /** Two a day here: the third is refused before anything is sealed, until midnight in Pakistan. */
    @Test
    void aHouseholdPastItsDailyQuotaIsToldWhenItFreesAndNothingIsKept() {
        given(records.countSince(HOUSEHOLD, Instant.parse("2026-02-28T19:00:00Z"))).willReturn(1L, 2L);
        given(references.next()).willReturn("C-2026-AAAAAAAA");
        given(notes.seal(any(), anyString(), anyString())).willReturn(new byte[] { 1 });

        complaints.lodge(APPLICANT, HOUSEHOLD, "text");
        assertThatThrownBy(() -> complaints.lodge(APPLICANT, HOUSEHOLD, "text"))
                .isInstanceOfSatisfying(FilingQuotaExhaustedException.class,
                        refused -> assertThat(refused.retryAfter()).isEqualTo(Duration.ofHours(10)));

        verify(notes, times(1)).seal(any(), anyString(), anyString());
        verify(records, times(1)).insert(any());
        verify(audit, times(1)).record(any());
    }

    @Test
    void aReferenceAnotherComplaintHoldsIsDrawnAgain() {
        given(references.next()).willReturn("C-2026-AAAAAAAA", "C-2026-BBBBBBBB");
        given(notes.seal(eq(HOUSEHOLD), anyString(), eq("text"))).willReturn(new byte[] { 1 });
        willThrow(new DuplicateKeyException("complaint_reference_uq")).given(records)
                .insert(argThat(row -> row.reference().equals("C-2026-AAAAAAAA")));

        Complaint lodged = complaints.lodge(APPLICANT, HOUSEHOLD, "text");

        assertThat(lodged.reference()).isEqualTo("C-2026-BBBBBBBB");
        assertThat(lodged.status()).isEqualTo(ComplaintStatus.OPEN);
        verify(records, times(2)).insert(any());
        verify(audit).record(any());
    }

    @Test
    void afterTooManyTakenReferencesTheLodgingFailsUnaudited() {
        given(references.next()).willReturn("C-2026-AAAAAAAA");
        given(notes.seal(any(), anyString(), anyString())).willReturn(new byte[] { 1 });
        willThrow(new DuplicateKeyException("complaint_reference_uq")).given(records).insert(any());

        assertThatThrownBy(() -> complaints.lodge(APPLICANT, HOUSEHOLD, "text")).isInstanceOf(DuplicateKeyException.class);

        verify(records, times(Complaints.REFERENCE_ATTEMPTS)).insert(any());
        verify(audit, never()).record(any());
    }

    @Test
    void anAnsweredComplaintIsNotAnsweredAgain() {
        UUID id = UUID.randomUUID();
        given(records.find(id)).willReturn(Optional.of(new ComplaintRecords.Row(id, "C-2026-AAAAAAAA", HOUSEHOLD,
                ComplaintStatus.ANSWERED, new byte[] { 1 }, Instant.EPOCH, new byte[] { 2 }, Instant.EPOCH)));

        assertThatThrownBy(() -> complaints.answer(DPO, id, "again")).isInstanceOf(RightsConflictException.class);

        verify(records, never()).answer(any(), any(), any(), any());
        verify(audit, never()).record(any());
    }

    @Test
    void anUnknownComplaintIsNotAnswered() {
        assertThat(complaints.answer(DPO, UUID.randomUUID(), "answer")).isEmpty();

        verify(audit, never()).record(any());
    }
}
