package pk.registry.rights;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import pk.registry.kernel.HouseholdDataHolder;
import pk.registry.kernel.HouseholdId;

/**
 * The rights module's part of erasing a household: its corrections, annotations and complaints
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

    /** @return {@code corrections} (annotations included) and {@code complaints} erased, those with none left out */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Integer> eraseFor(HouseholdId household) {
        Map<String, Integer> erased = new LinkedHashMap<>();
        erased.put("corrections", corrections.eraseFor(household));
        erased.put("complaints", complaints.eraseFor(household));
        erased.values().removeIf(count -> count == 0);
        return erased;
    }
}
