package pk.registry.imports;

import java.time.Instant;
import java.util.Set;

import org.springframework.stereotype.Component;

import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.RetentionCategory;

/**
 * The retention category {@code importErrorReports}: the rows of imports' error reports (line,
 * household_ref, column, rule code; never a value from the file), deleted once older than the
 * period. They name no household of the registry, so no legal hold keeps them.
 */
@Component
class ImportErrorRetention implements RetentionCategory {

    private final ImportRecords records;

    ImportErrorRetention(ImportRecords records) {
        this.records = records;
    }

    @Override
    public String name() {
        return "importErrorReports";
    }

    @Override
    public Count count(Instant cutoff, Set<HouseholdId> held) {
        return new Count(records.countErrorsBefore(cutoff), 0);
    }

    @Override
    public int deleteBatch(Instant cutoff, Set<HouseholdId> held, int limit) {
        return records.deleteErrorsBefore(cutoff, limit);
    }
}
