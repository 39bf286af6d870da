package pk.registry.kernel;

/**
 * A module that holds data about households besides the household module's own (complaints,
 * corrections, subscriptions, …): when a household is erased, it erases its part in the same
 * transaction, and says what it erased for the deletion certificate.
 */
public interface HouseholdDataHolder {

    /**
     * Erases everything the module holds about the household, in the caller's transaction.
     *
     * @return what was erased, by kind, e.g. {@code complaints=2}; empty entries are left out
     */
    java.util.Map<String, Integer> eraseFor(HouseholdId household);
}
