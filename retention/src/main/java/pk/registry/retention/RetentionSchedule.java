package pk.registry.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.Pakistan;
import pk.registry.kernel.RetentionCategory;

/**
 * The retention schedule: for every category of data some module offers
 * ({@link RetentionCategory}), its period ({@link RetentionProperties}), its cut-off for a run,
 * and deleting what is past it a batch at a time, never anything of a household under a legal
 * hold. A run's cut-offs are reckoned once, from the run's own time, so a restarted run deletes
 * exactly what the first attempt would have.
 */
@Service
public class RetentionSchedule {

    private final List<RetentionCategory> categories;
    private final RetentionProperties properties;
    private final Holds holds;
    private final Clock clock;

    RetentionSchedule(List<RetentionCategory> categories, RetentionProperties properties, Holds holds, Clock clock) {
        this.categories = categories.stream().sorted(Comparator.comparing(RetentionCategory::name)).toList();
        this.properties = properties;
        this.holds = holds;
        this.clock = clock;
    }

    /** The categories' names, in the order a sweep goes through them. */
    public List<String> categories() {
        return categories.stream().map(RetentionCategory::name).toList();
    }

    /** Every category's period. */
    public Map<String, Period> periods() {
        Map<String, Period> periods = new LinkedHashMap<>();
        categories().forEach(name -> periods.put(name, properties.periods().of(name)));
        return periods;
    }

    /** When a run started now would reckon its cut-offs from. */
    public Instant now() {
        return clock.instant();
    }

    /** The category's cut-off for a run at {@code runAt}: data older than this has outlived its period. */
    public Instant cutoff(String category, Instant runAt) {
        return runAt.atZone(Pakistan.ZONE).minus(properties.periods().of(category)).toInstant();
    }

    /** What a run at {@code runAt} would delete per category, and what legal holds keep (a dry run: nothing changes). */
    @Transactional(readOnly = true)
    public Map<String, RetentionCategory.Count> plan(Instant runAt) {
        Set<HouseholdId> held = holds.held();
        Map<String, RetentionCategory.Count> plan = new LinkedHashMap<>();
        for (RetentionCategory category : categories) {
            plan.put(category.name(), category.count(cutoff(category.name(), runAt), held));
        }
        return plan;
    }

    /**
     * Deletes one batch of the category's data past its cut-off, in a transaction of its own.
     * @return how many items; fewer than the batch size when the category is done
     */
    @Transactional
    public int sweepBatch(String category, Instant runAt) {
        RetentionCategory target = categories.stream().filter(candidate -> candidate.name().equals(category))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no retention category " + category));
        return target.deleteBatch(cutoff(category, runAt), holds.held(), properties.batchSize());
    }

    /** Items deleted per batch. */
    public int batchSize() {
        return properties.batchSize();
    }
}
