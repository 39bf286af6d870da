package pk.registry.kernel;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A household's pseudonymous identifier: a random UUID that says nothing about the people in
 * it. Audit events, consents, disclosures and certificates refer to households by it, so it
 * outlives the household's personal data.
 */
public record HouseholdId(@JsonValue UUID value) {

    public HouseholdId {
        java.util.Objects.requireNonNull(value, "value");
    }

    /** A new, time-ordered id. */
    public static HouseholdId newId() {
        return new HouseholdId(Ids.newId());
    }

    /**
     * @throws IllegalArgumentException if the text is not a UUID
     */
    public static HouseholdId of(String text) {
        return new HouseholdId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
