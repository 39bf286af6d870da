package pk.registry.kernel;

import java.util.Collection;
import java.util.Map;

/**
 * A module that holds data about households besides the household module's own (complaints,
 * corrections, subscriptions, …): when households are erased, it erases its part in the same
 * transaction, and says what it erased for the deletion certificates.
 */
public interface HouseholdDataHolder {

    /**
     * Erases everything the module holds about the households, in the caller's transaction, with
     * a few set-based statements for the whole chunk (see {@link HouseholdRowsDeletion}).
     *
     * @return what was erased per household, by kind, e.g. {@code complaints=2}; households and
     *         kinds with nothing erased are left out
     */
    Map<HouseholdId, Map<String, Integer>> eraseFor(Collection<HouseholdId> households);
}
