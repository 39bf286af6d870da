package pk.registry.rights;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import pk.registry.kernel.HouseholdDataHolder;
import pk.registry.kernel.HouseholdId;

/**
 * The rights module's part of erasing households: their corrections, annotations and complaints
 * (their sealed texts could no longer be opened anyway, once the household's key is destroyed).
 */
@Component
class RightsDataHolder implements HouseholdDataHolder {

    private final CorrectionRecords corrections;
    private final ComplaintRecords complaints;

    RightsDataHolder(CorrectionRecords corrections, ComplaintRecords complaints) {
        this.corrections = corrections;
        this.complaints = complaints;
    }

    /** @return per household, {@code corrections} (annotations included) and {@code complaints}, those with none left out */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<HouseholdId, Map<String, Integer>> countFor(Collection<HouseholdId> households) {
        Map<HouseholdId, Map<String, Integer>> held = new HashMap<>();
        corrections.countFor(households).forEach((household, count) ->
                held.computeIfAbsent(household, key -> new LinkedHashMap<>()).put("corrections", count));
        complaints.countFor(households).forEach((household, count) ->
                held.computeIfAbsent(household, key -> new LinkedHashMap<>()).put("complaints", count));
        return held;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void eraseFor(Collection<HouseholdId> households) {
        corrections.eraseFor(households);
        complaints.eraseFor(households);
    }
}
