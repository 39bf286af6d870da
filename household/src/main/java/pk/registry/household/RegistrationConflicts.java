package pk.registry.household;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pk.registry.audit.AuditAction;
import pk.registry.audit.AuditEntry;
import pk.registry.audit.AuditTrail;
import pk.registry.kernel.Actor;
import pk.registry.kernel.Purpose;
import pk.registry.kernel.Role;

/**
 * The DPO's view of refused self-registrations: what kind of conflict, when, by which
 * (pseudonymous) applicant, against which household. Holds no CNIC, name or mobile; the web
 * layer lets only the DPO read it, and every page read is in the audit trail.
 */
@Service
public class RegistrationConflicts {

    /** The largest page. */
    public static final int MAX_PAGE_SIZE = 100;

    private final ConflictRecords records;
    private final AuditTrail audit;

    RegistrationConflicts(ConflictRecords records, AuditTrail audit) {
        this.records = records;
        this.audit = audit;
    }

    /**
     * A page of conflicts, newest first; {@code size} is capped at {@value #MAX_PAGE_SIZE}. The
     * read is audited in the same transaction: no page is seen without its audit event.
     */
    @Transactional
    public List<RegistrationConflict> newestFirst(Actor dpo, int page, int size) {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page from 0, size from 1");
        }
        if (!dpo.is(Role.DPO)) {
            throw new IllegalArgumentException("only the DPO reads registration conflicts");
        }
        List<RegistrationConflict> conflicts = records.newestFirst(page, Math.min(size, MAX_PAGE_SIZE));
        audit.record(AuditEntry.success(dpo, Purpose.LEGAL_COMPLIANCE, null, AuditAction.REGISTRATION_CONFLICTS_READ));
        return conflicts;
    }
}
