package pk.registry.imports;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import pk.registry.consent.ConsentForm;
import pk.registry.household.HouseholdForm;

/** A household after the rule set: ready to store, or with the errors that keep it out. */
record ImportItem(HouseholdRows source, @Nullable HouseholdForm form, @Nullable ConsentForm consent,
        @Nullable LocalDate obtainedOn, List<RowError> errors) {

    boolean valid() {
        return errors.isEmpty() && form != null && consent != null && obtainedOn != null;
    }

    @Override
    public String toString() {
        return "ImportItem[" + source.rows().size() + " rows, " + errors.size() + " errors]";
    }
}
