package pk.registry.rights.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import pk.registry.household.Application;
import pk.registry.household.HouseholdForm;
import pk.registry.household.HouseholdStatus;
import pk.registry.household.MemberForm;
import pk.registry.kernel.HouseholdId;
import pk.registry.rights.Complaint;
import pk.registry.rights.ComplaintStatus;
import pk.registry.rights.Correction;
import pk.registry.rights.CorrectionKind;
import pk.registry.rights.CorrectionStatus;

/** What the mocked rights facades answer in the web slices. */
final class RightsSamples {

    static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");

    private RightsSamples() {
    }

    static HouseholdForm form(String district) {
        return new HouseholdForm(district, "Model Town", "House 12, Street 4, Model Town", "+923001234567", "RENTED", 2,
                null, null, false, false, 3_000L, 800L, 30_000L, List.of(new MemberForm("35202-1234567-1",
                        "Muhammad Aslam", "HEAD", "M", LocalDate.of(1987, 3, 14), null, "PRIMARY", "DAILY_WAGE", 25_000L)));
    }

    static Application application(HouseholdId household, String district) {
        return new Application(household, HouseholdStatus.SUBMITTED, AT, form(district), null, List.of());
    }

    static Correction correction(HouseholdId household, CorrectionStatus status, @Nullable String decisionNote) {
        return new Correction(UUID.randomUUID(), household, "Lahore", CorrectionKind.CORRECTION, status, "rooms", "3",
                "We built a room", AT, status == CorrectionStatus.PENDING ? null : AT, decisionNote);
    }

    static Complaint complaint(HouseholdId household, @Nullable String answer) {
        return new Complaint(UUID.randomUUID(), "C-2026-7KQ3M9XD", household,
                answer == null ? ComplaintStatus.OPEN : ComplaintStatus.ANSWERED, "Nobody called me back", AT, answer,
                answer == null ? null : AT);
    }
}
