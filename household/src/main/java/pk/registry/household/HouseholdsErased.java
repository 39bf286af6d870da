package pk.registry.household;

import java.util.List;

import pk.registry.kernel.HouseholdId;

/**
 * Households were erased, in one transaction: their personal data, blind-index entries and data
 * keys are gone; only their pseudonymous ids remain in the audit trail and the disclosure log.
 * Their members are unregistered from now on. An erasing transaction announces its households in
 * as few events as it can, each naming at most {@value #MOST} of them: the event publication
 * registry stores an event in 4,000 characters (Oracle's {@code VARCHAR2} limit, and the registry
 * looks events up by their text, so no {@code CLOB}).
 */
public record HouseholdsErased(List<HouseholdId> households) {

    /** The most households one event names. */
    public static final int MOST = 90;

    public HouseholdsErased {
        households = List.copyOf(households);
        if (households.isEmpty() || households.size() > MOST) {
            throw new IllegalArgumentException("an event names 1 to " + MOST + " households");
        }
    }
}
