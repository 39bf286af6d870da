package pk.registry.household;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The DPO's view of refused self-registrations: what kind of conflict, when, by which
 * (pseudonymous) applicant, against which household. Holds no CNIC, name or mobile; the web
 * layer lets only the DPO read it.
 */
@Service
public class RegistrationConflicts {

    /** The largest page. */
    public static final int MAX_PAGE_SIZE = 100;

    private final ConflictRecords records;

    RegistrationConflicts(ConflictRecords records) {
        this.records = records;
    }

    /** A page of conflicts, newest first; {@code size} is capped at {@value #MAX_PAGE_SIZE}. */
    @Transactional(readOnly = true)
    public List<RegistrationConflict> newestFirst(int page, int size) {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page from 0, size from 1");
        }
        return records.newestFirst(page, Math.min(size, MAX_PAGE_SIZE));
    }
}
