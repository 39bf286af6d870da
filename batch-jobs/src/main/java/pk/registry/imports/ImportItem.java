package pk.registry.imports;

import java.util.List;

import org.jspecify.annotations.Nullable;

import pk.registry.household.SealedHousehold;

/**
 * A household after the rule set: sealed and ready to store, or with the errors that keep it
 * out.
 */
record ImportItem(HouseholdRows source, @Nullable SealedHousehold sealed, List<RowError> errors) {

    @Override
    public String toString() {
        return "ImportItem[" + source.rows().size() + " rows, " + errors.size() + " errors]";
    }
}
