package pk.registry.sharing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A minimal answer: exactly the fields the agreement allows for the purpose, in the allow-list's
 * order, the same fields whether or not the person is registered (a value unknown for an
 * unregistered person is {@code null}).
 *
 * @param disclosure the disclosure log row the answer was recorded as
 */
public record Answer(UUID disclosure, Map<AnswerField, @Nullable Object> fields) {

    public Answer {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The fields by their names in an answer. */
    public Map<String, @Nullable Object> byName() {
        Map<String, @Nullable Object> named = new LinkedHashMap<>();
        fields.forEach((field, value) -> named.put(field.jsonName(), value));
        return named;
    }
}
