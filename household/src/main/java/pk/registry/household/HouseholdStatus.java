package pk.registry.household;

/** Where a household's application stands. */
public enum HouseholdStatus {
    /** Stored and in the registry: scored, verifiable by partners, visible to its owner. */
    SUBMITTED,
    /** Refused by the registry (e.g. found not to exist in a survey): kept only for its retention period. */
    REJECTED,
    /** Withdrawn by its household: kept only for its retention period. */
    WITHDRAWN
}
