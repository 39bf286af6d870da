package pk.registry.household;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import pk.registry.audit.AuditAction;
import pk.registry.audit.AuditEntry;
import pk.registry.audit.AuditTrail;
import pk.registry.consent.PurposeDeniedException;
import pk.registry.consent.PurposeGate;
import pk.registry.household.Households.DistrictCount;
import pk.registry.kernel.Actor;
import pk.registry.kernel.Purpose;

/**
 * Counts of households and persons, in total and per district, for service improvement. A
 * district cell under {@value #SUPPRESSION_THRESHOLD} is suppressed, and then the next smallest
 * ones too until at least two are and their sum is not under the threshold either, so that the
 * total, less the cells shown, gives none of them away.
 */
@Component
class HouseholdStatistics {

    static final int SUPPRESSION_THRESHOLD = 10;

    private final Households households;
    private final PurposeGate gate;
    private final AuditTrail audit;

    HouseholdStatistics(Households households, PurposeGate gate, AuditTrail audit) {
        this.households = households;
        this.gate = gate;
        this.audit = audit;
    }

    /**
     * @throws PurposeDeniedException if the caller's role may not use data for service improvement (audited)
     */
    @Transactional(noRollbackFor = PurposeDeniedException.class)
    Statistics statistics(Actor actor) {
        PurposeGate.Decision decision = gate.checkAggregate(actor, Purpose.SERVICE_IMPROVEMENT);
        if (!decision.allowed()) {
            audit.record(AuditEntry.denied(actor, Purpose.SERVICE_IMPROVEMENT, null, AuditAction.STATISTICS_READ));
            throw new PurposeDeniedException(decision.reason());
        }
        List<DistrictCount> counts = households.countByDistrict();
        audit.record(AuditEntry.success(actor, Purpose.SERVICE_IMPROVEMENT, null, AuditAction.STATISTICS_READ));
        Set<String> hiddenHouseholds = suppressed(counts, DistrictCount::households);
        Set<String> hiddenPersons = suppressed(counts, DistrictCount::persons);
        List<Statistics.District> districts = counts.stream().map(count -> new Statistics.District(count.district(),
                hiddenHouseholds.contains(count.district()) ? null : count.households(),
                hiddenPersons.contains(count.district()) ? null : count.persons())).toList();
        return new Statistics(counts.stream().mapToLong(DistrictCount::households).sum(),
                counts.stream().mapToLong(DistrictCount::persons).sum(), SUPPRESSION_THRESHOLD, districts);
    }

    /** The districts whose cell of a column is suppressed. */
    static Set<String> suppressed(List<DistrictCount> counts, ToLongFunction<DistrictCount> value) {
        List<DistrictCount> ascending = new ArrayList<>(counts);
        ascending.sort(Comparator.comparingLong(value));
        Set<String> hidden = new HashSet<>();
        long hiddenSum = 0;
        for (DistrictCount count : ascending) {
            if (value.applyAsLong(count) < SUPPRESSION_THRESHOLD) {
                hidden.add(count.district());
                hiddenSum += value.applyAsLong(count);
            }
        }
        // The total is published, so the hidden cells' sum is known: it must itself not be a small
        // cell, nor may one hidden cell stand alone. Every listed district has one household at
        // least, so two hidden cells summing to 2 would each give themselves away.
        for (int next = hidden.size(); !hidden.isEmpty() && next < ascending.size()
                && (hidden.size() < 2 || hiddenSum < SUPPRESSION_THRESHOLD); next++) {
            hidden.add(ascending.get(next).district());
            hiddenSum += value.applyAsLong(ascending.get(next));
        }
        return hidden;
    }
}
