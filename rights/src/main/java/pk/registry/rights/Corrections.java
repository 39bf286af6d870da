package pk.registry.rights;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pk.registry.audit.AuditAction;
import pk.registry.audit.AuditEntry;
import pk.registry.audit.AuditTrail;
import pk.registry.household.CorrectionRejectedException;
import pk.registry.household.HouseholdCorrections;
import pk.registry.household.HouseholdNotes;
import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.Ids;
import pk.registry.kernel.NoHouseholdException;
import pk.registry.kernel.Purpose;
import pk.registry.kernel.Role;
import tools.jackson.databind.json.JsonMapper;

/**
 * Corrections and annotations of a household's record. A correction is checked against the
 * rule set when it is asked for and again when a field officer of the household's district or
 * the DPO approves it, and then applied by the household module (audited, rescored). An
 * annotation stays attached to the record as the household wrote it. What the household wrote
 * is sealed under its data key.
 */
@Service
public class Corrections {

    private static final String MOBILE = "mobile";
    private static final String SUPERSEDED = "Superseded: another correction of the mobile was approved first.";

    private final CorrectionRecords records;
    private final HouseholdCorrections households;
    private final HouseholdNotes notes;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final FilingQuota quota;
    private final Clock clock;

    Corrections(CorrectionRecords records, HouseholdCorrections households, HouseholdNotes notes, AuditTrail audit,
            JsonMapper json, FilingQuota quota, Clock clock) {
        this.records = records;
        this.households = households;
        this.notes = notes;
        this.audit = audit;
        this.json = json;
        this.quota = quota;
        this.clock = clock;
    }

    /** What the household asks. */
    public record Request(CorrectionKind kind, @Nullable String field, @Nullable String proposedValue, @Nullable String note) {
    }

    /** What is sealed: the household's own words. */
    private record Content(@Nullable String field, @Nullable String value, @Nullable String note) {
    }

    /**
     * Records the household's correction or annotation.
     * @param district the household's district, for the deciders' queue
     * @throws pk.registry.household.CorrectionRejectedException if a correction breaks the rule set or
     *         leaves out its field or value, or an annotation its note
     * @throws FilingQuotaExhaustedException if the household asked as many corrections and annotations today as
     *         a day allows; checked first
     * @throws NoHouseholdException if there is no such household (erased, also while this waited for it)
     */
    @Transactional
    public Correction request(Actor applicant, HouseholdId household, String district, Request request) {
        if (!notes.holdForFiling(household)) {
            throw new NoHouseholdException();
        }
        quota.requireRoom(since -> records.countSince(household, since));
        if (request.kind() == CorrectionKind.CORRECTION) {
            households.check(household, required("field", request.field()), required("proposedValue", request.proposedValue()));
        }
        else {
            required("note", request.note());
        }
        UUID id = Ids.newId();
        byte[] content = notes.seal(household, slot(id), json.writeValueAsString(
                new Content(request.field(), request.kind() == CorrectionKind.CORRECTION ? request.proposedValue() : null,
                        request.note())));
        records.insert(new CorrectionRecords.Row(id, household, district, request.kind(),
                request.kind() == CorrectionKind.CORRECTION ? CorrectionStatus.PENDING : CorrectionStatus.ATTACHED, content,
                clock.instant(), null, null));
        audit.record(AuditEntry.success(applicant, Purpose.IDENTITY_VERIFICATION, household, AuditAction.CORRECTION_REQUESTED));
        return opened(records.find(id).orElseThrow());
    }

    /** The household's corrections and annotations, oldest first. */
    @Transactional(readOnly = true)
    public List<Correction> of(HouseholdId household) {
        return records.of(household).stream().map(this::opened).toList();
    }

    /**
     * The decider's queue, oldest first: pending corrections of the districts a field officer
     * serves, or of every district for the DPO; nothing for anyone else. Each correction listed is
     * audited as read, since the page shows what the household proposed (a name, a mobile).
     */
    @Transactional
    public List<Correction> queue(Actor decider, int page, int size) {
        Set<String> districts = decider.is(Role.FIELD_OFFICER) ? decider.districts() : Set.of();
        List<Correction> listed = records.pending(decider.is(Role.DPO) ? null : districts, page, size).stream()
                .map(this::opened).toList();
        audit.recordAll(listed.stream().map(correction -> AuditEntry.success(decider, Purpose.ELIGIBILITY_ASSESSMENT,
                correction.household(), AuditAction.CORRECTION_READ)).toList());
        return listed;
    }

    /**
     * Approves (and applies) or rejects a pending correction.
     * @return the decided correction, with whether an applicant sees its household online after an
     *         approval; empty if there is none the decider may see
     * @throws pk.registry.household.CorrectionRejectedException if the approved value no longer passes the rule set
     * @throws pk.registry.household.CorrectionConflictException if its new mobile came to own another household
     *         while it was approved; nothing is kept, and it can be approved again
     * @throws RightsConflictException if it was decided already
     */
    @Transactional
    public Optional<DecidedCorrection> decide(Actor decider, UUID id, boolean approve, @Nullable String note) {
        Optional<CorrectionRecords.Row> row = records.find(id).filter(found -> mayDecide(decider, found))
                .filter(found -> found.kind() == CorrectionKind.CORRECTION);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        if (!notes.holdForFiling(row.get().household())) {
            return Optional.empty();
        }
        if (!records.decide(id, approve ? CorrectionStatus.APPROVED : CorrectionStatus.REJECTED, decider.subject(),
                clock.instant(), note == null ? null : notes.seal(row.get().household(), decisionSlot(id), note))) {
            throw new RightsConflictException("This correction was decided already.");
        }
        Boolean ownedOnline = approve ? applyApproved(decider, row.get()) : null;
        audit.record(AuditEntry.success(decider, Purpose.ELIGIBILITY_ASSESSMENT, row.get().household(),
                AuditAction.CORRECTION_DECIDED));
        return records.find(id).map(decided -> new DecidedCorrection(opened(decided), ownedOnline));
    }

    /** Applies an approved correction; returns whether an applicant still sees its household online. */
    private boolean applyApproved(Actor decider, CorrectionRecords.Row row) {
        Correction correction = opened(row);
        boolean ownedOnline = households.apply(decider, row.household(), required("field", correction.field()),
                required("proposedValue", correction.proposedValue())).ownedOnline();
        if (MOBILE.equals(correction.field())) {
            supersedeMobileCorrections(decider, row.household());
        }
        return ownedOnline;
    }

    /**
     * A new mobile takes the household to its new number (the household module's ownership rule),
     * so the other corrections of the mobile still pending were asked for by whoever held the
     * household before: approved later, one of them would hand it back to a number given up.
     * They are refused, with a note saying why; the household asks again if it still needs one.
     */
    private void supersedeMobileCorrections(Actor decider, HouseholdId household) {
        Instant now = clock.instant();
        records.of(household).stream().filter(other -> other.status() == CorrectionStatus.PENDING)
                .filter(other -> MOBILE.equals(opened(other).field()))
                .forEach(other -> records.decide(other.id(), CorrectionStatus.REJECTED, decider.subject(), now,
                        notes.seal(household, decisionSlot(other.id()), SUPERSEDED)));
    }

    private static boolean mayDecide(Actor decider, CorrectionRecords.Row row) {
        return decider.is(Role.DPO) || decider.is(Role.FIELD_OFFICER) && decider.serves(row.district());
    }

    private Correction opened(CorrectionRecords.Row row) {
        Content content = json.readValue(notes.open(row.household(), slot(row.id()), row.content()), Content.class);
        byte[] decisionNote = row.decisionNote();
        return new Correction(row.id(), row.household(), row.district(), row.kind(), row.status(), content.field(),
                content.value(), content.note(), row.createdAt(), row.decidedAt(),
                decisionNote == null ? null : notes.open(row.household(), decisionSlot(row.id()), decisionNote));
    }

    private static String slot(UUID id) {
        return "correction:" + id;
    }

    /** What a decider wrote about a correction: sealed under the household's key, as what the household wrote. */
    static String decisionSlot(UUID id) {
        return "correction-decision:" + id;
    }

    private static String required(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw CorrectionRejectedException.missing(name);
        }
        return value;
    }
}
