package pk.registry.kernel;

import java.time.Instant;
import java.util.Set;

/**
 * One category of data with a retention period, as the module that owns the data offers it to
 * the retention sweep: how much is older than a cut-off, and deleting it a batch at a time.
 * Data of a household under a legal hold is never deleted; it is counted as held.
 */
public interface RetentionCategory {

    /** The category's name in the retention schedule and reports, e.g. {@code disclosureLog}. */
    String name();

    /** What the sweep would delete for this cut-off, and what holds keep. */
    Count count(Instant cutoff, Set<HouseholdId> held);

    /**
     * Deletes, in the caller's transaction, up to {@code limit} items older than the cut-off,
     * none of a held household's.
     *
     * @return how many were deleted; fewer than {@code limit} when none are left
     */
    int deleteBatch(Instant cutoff, Set<HouseholdId> held, int limit);

    /**
     * @param deletable items older than the cut-off that may be deleted
     * @param held items older than the cut-off that a legal hold keeps
     */
    record Count(long deletable, long held) {
    }
}
