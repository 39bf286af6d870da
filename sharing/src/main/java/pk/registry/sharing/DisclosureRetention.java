package pk.registry.sharing;

import java.time.Instant;
import java.util.Set;

import org.springframework.stereotype.Component;

import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.RetentionCategory;

/**
 * The retention category {@code disclosureLog}: disclosures older than the period are deleted.
 * A held household's disclosures are kept (counted as held); so are they while the household is
 * erased (the log is pseudonymous), until their own period ends.
 */
@Component
class DisclosureRetention implements RetentionCategory {

    private final DisclosureLog log;

    DisclosureRetention(DisclosureLog log) {
        this.log = log;
    }

    @Override
    public String name() {
        return "disclosureLog";
    }

    @Override
    public Count count(Instant cutoff, Set<HouseholdId> held) {
        long old = log.countBefore(cutoff, Set.of());
        long kept = held.isEmpty() ? 0 : log.countBefore(cutoff, held);
        return new Count(old - kept, kept);
    }

    @Override
    public int deleteBatch(Instant cutoff, Set<HouseholdId> held, int limit) {
        return log.deleteBefore(cutoff, held, limit);
    }
}
