package pk.registry.retention;

import java.util.UUID;

import pk.registry.kernel.HouseholdId;

/** A note about a household stored in clear before notes were sealed (schema version 27). */
record ClearNote(UUID id, HouseholdId household, String text) {

    @Override
    public String toString() {
        return "ClearNote[" + id + "]";
    }
}
