package pk.registry.kernel;

import java.util.Collection;
import java.util.Map;

/**
 * A module that holds data about households besides the household module's own (complaints,
 * corrections, subscriptions, …): when households are erased, it says what it holds of each (for
 * the deletion certificates), then erases its part in the same transaction, with a few set-based
 * statements for the whole chunk (see {@link HouseholdRowsDeletion}).
 */
public interface HouseholdDataHolder {

    /**
     * What the module holds about each of the households, in the caller's transaction.
     *
     * @return per household, by kind, e.g. {@code complaints=2}; households and kinds with nothing
     *         are left out
     */
    Map<HouseholdId, Map<String, Integer>> countFor(Collection<HouseholdId> households);

    /** Erases everything the module holds about the households, in the caller's transaction. */
    void eraseFor(Collection<HouseholdId> households);
}
