package pk.registry.imports;

import java.util.List;

import org.jspecify.annotations.Nullable;

import pk.registry.household.HouseholdManagement;

/**
 * A household after the rule set: sealed and ready to store, or with the errors that keep it
 * out.
 */
record ImportItem(HouseholdRows source, HouseholdManagement.@Nullable SealedFieldForm sealed, List<RowError> errors) {

    boolean valid() {
        return errors.isEmpty() && sealed != null;
    }

    @Override
    public String toString() {
        return "ImportItem[" + source.rows().size() + " rows, " + errors.size() + " errors]";
    }
}
