package pk.registry.rights;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pk.registry.audit.AuditAction;
import pk.registry.audit.AuditEntry;
import pk.registry.audit.AuditTrail;
import pk.registry.household.HouseholdNotes;
import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.Ids;
import pk.registry.kernel.NoHouseholdException;
import pk.registry.kernel.Purpose;

/**
 * Complaints to the DPO (seed 001 §7): a household lodges one in its own words and gets a
 * reference; the DPO works through them and answers each once. The text and the answer are
 * sealed under the household's data key, so erasing the household makes them unreadable
 * everywhere. Lodging and answering are audited.
 */
@Service
public class Complaints {

    /** How often a reference is drawn again when another complaint holds it. */
    static final int REFERENCE_ATTEMPTS = 5;

    private final ComplaintRecords records;
    private final ComplaintReferences references;
    private final HouseholdNotes notes;
    private final AuditTrail audit;
    private final FilingQuota quota;
    private final Clock clock;

    Complaints(ComplaintRecords records, ComplaintReferences references, HouseholdNotes notes, AuditTrail audit,
            FilingQuota quota, Clock clock) {
        this.records = records;
        this.references = references;
        this.notes = notes;
        this.audit = audit;
        this.quota = quota;
        this.clock = clock;
    }

    /**
     * Lodges the household's complaint.
     * @param text the household's words (the caller bounds its length)
     * @throws FilingQuotaExhaustedException if the household lodged as many complaints today as a day allows
     * @throws NoHouseholdException if there is no such household (erased, also while this waited for it)
     */
    @Transactional
    public Complaint lodge(Actor applicant, HouseholdId household, String text) {
        if (!notes.holdForFiling(household)) {
            throw new NoHouseholdException();
        }
        quota.requireRoom(since -> records.countSince(household, since));
        UUID id = Ids.newId();
        byte[] content = notes.seal(household, slot(id), text);
        Instant at = clock.instant();
        String reference = insertWithFreeReference(id, household, content, at);
        audit.record(AuditEntry.success(applicant, Purpose.LEGAL_COMPLIANCE, household, AuditAction.COMPLAINT_LODGED));
        return new Complaint(id, reference, household, ComplaintStatus.OPEN, text, at, null, null);
    }

    /** The household's complaints with their answers, oldest first. */
    @Transactional(readOnly = true)
    public List<Complaint> of(HouseholdId household) {
        return records.of(household).stream().map(this::opened).toList();
    }

    /**
     * The DPO's work queue: complaints of a status (all when {@code null}), oldest first; each
     * complaint listed is audited as read, since the page shows the household's own words.
     */
    @Transactional
    public List<Complaint> queue(Actor dpo, @Nullable ComplaintStatus status, int page, int size) {
        List<Complaint> listed = records.page(status, page, size).stream().map(this::opened).toList();
        audit.recordAll(listed.stream().map(complaint -> AuditEntry.success(dpo, Purpose.LEGAL_COMPLIANCE,
                complaint.household(), AuditAction.COMPLAINT_READ)).toList());
        return listed;
    }

    /**
     * The DPO answers an open complaint; the household reads the answer with its complaints.
     * @return the answered complaint; empty if there is no such complaint (or its household is being
     *         erased: the answer waits for the erasure, which takes the complaint along)
     * @throws RightsConflictException if it was answered already
     */
    @Transactional
    public Optional<Complaint> answer(Actor dpo, UUID id, String answer) {
        Optional<ComplaintRecords.Row> row = records.find(id);
        if (row.isEmpty() || !notes.holdForFiling(row.get().household())) {
            return Optional.empty();
        }
        HouseholdId household = row.get().household();
        if (row.get().status() != ComplaintStatus.OPEN
                || !records.answer(id, notes.seal(household, answerSlot(id), answer), dpo.subject(), clock.instant())) {
            throw new RightsConflictException("This complaint was answered already.");
        }
        audit.record(AuditEntry.success(dpo, Purpose.LEGAL_COMPLIANCE, household, AuditAction.COMPLAINT_ANSWERED));
        return records.find(id).map(this::opened);
    }

    private String insertWithFreeReference(UUID id, HouseholdId household, byte[] content, Instant at) {
        for (int attempt = 1;; attempt++) {
            String reference = references.next();
            try {
                records.insert(new ComplaintRecords.Row(id, reference, household, ComplaintStatus.OPEN, content, at,
                        null, null));
                return reference;
            }
            catch (DuplicateKeyException taken) {
                // Another complaint holds this reference (the failed statement alone is undone): draw again.
                if (attempt == REFERENCE_ATTEMPTS) {
                    throw taken;
                }
            }
        }
    }

    private Complaint opened(ComplaintRecords.Row row) {
        byte[] answer = row.answer();
        return new Complaint(row.id(), row.reference(), row.household(), row.status(),
                notes.open(row.household(), slot(row.id()), row.content()), row.lodgedAt(),
                answer == null ? null : notes.open(row.household(), answerSlot(row.id()), answer), row.answeredAt());
    }

    private static String slot(UUID id) {
        return "complaint:" + id;
    }

    private static String answerSlot(UUID id) {
        return "complaint-answer:" + id;
    }
}
