package pk.registry.household;

/** Where a household's application stands. */
public enum HouseholdStatus {
    /** Stored and in the registry: scored, verifiable by partners, visible to its owner. */
    SUBMITTED
}
