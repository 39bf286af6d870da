package pk.registry.household;

import java.time.Instant;
import java.util.Set;

import org.springframework.stereotype.Component;

import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.RetentionCategory;

/**
 * The retention category {@code registrationConflicts}: a refused self-registration is kept for
 * the DPO to look into, and for the applicant's daily quota, for its period, then deleted. A
 * record carries an applicant's blind index, not a household's data, so no legal hold keeps it
 * (a hold on an applicant under investigation is the DPO's export of the list).
 */
@Component
class ConflictRetention implements RetentionCategory {

    private final ConflictRecords records;

    ConflictRetention(ConflictRecords records) {
        this.records = records;
    }

    @Override
    public String name() {
        return "registrationConflicts";
    }

    @Override
    public Count count(Instant cutoff, Set<HouseholdId> held) {
        return new Count(records.countBefore(cutoff), 0);
    }

    @Override
    public int deleteBatch(Instant cutoff, Set<HouseholdId> held, int limit) {
        return records.deleteBefore(cutoff, limit);
    }
}
