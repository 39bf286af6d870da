package pk.registry.retention;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import pk.registry.household.HouseholdErasure;
import pk.registry.household.HouseholdStatus;
import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.RetentionCategory;
import pk.registry.kernel.Role;

/**
 * The retention categories of whole households: applications rejected or withdrawn, and
 * households whose record has not changed for the period. A household past its period is
 * erased exactly as an approved request would erase it (everything every module holds, its data
 * key), audited, without a certificate; a held one is kept and counted.
 */
@Configuration(proxyBeanMethods = false)
class HouseholdCategories {

    /** Who erases households whose retention period ended, in the audit trail. */
    static final Actor SWEEP = new Actor("retention-sweep", Role.DPO, Set.of(), null);

    @Bean
    RetentionCategory closedApplications(HouseholdErasure households, Erasures erasures) {
        return new Category("closedApplications", HouseholdErasure.CLOSED, households, erasures);
    }

    @Bean
    RetentionCategory inactiveHouseholds(HouseholdErasure households, Erasures erasures) {
        return new Category("inactiveHouseholds", HouseholdErasure.ACTIVE, households, erasures);
    }

    private record Category(String name, Set<HouseholdStatus> statuses, HouseholdErasure households, Erasures erasures)
            implements RetentionCategory {

        @Override
        public Count count(Instant cutoff, Set<HouseholdId> held) {
            long old = households.countUnchangedSince(statuses, cutoff);
            long kept = households.countUnchangedSinceAmong(statuses, cutoff, held);
            return new Count(old - kept, kept);
        }

        @Override
        public int deleteBatch(Instant cutoff, Set<HouseholdId> held, int limit) {
            List<HouseholdId> candidates = households.unchangedSince(statuses, cutoff, limit + held.size()).stream()
                    .filter(household -> !held.contains(household)).limit(limit).toList();
            return erasures.eraseExpired(SWEEP, candidates);
        }
    }
}
