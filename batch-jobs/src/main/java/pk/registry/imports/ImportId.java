package pk.registry.imports;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** An upload's identifier: a random UUID, the import's only job parameter. */
public record ImportId(@JsonValue UUID value) {

    public ImportId {
        java.util.Objects.requireNonNull(value, "value");
    }

    static ImportId newId() {
        return new ImportId(UUID.randomUUID());
    }

    /**
     * @throws IllegalArgumentException if the text is not a UUID
     */
    public static ImportId of(String text) {
        return new ImportId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
