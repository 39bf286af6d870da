package pk.registry.sharing.dci;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import pk.registry.kernel.UnicodeText;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON in and out of DCI messages: one strict reader (a duplicated key is a malformed message,
 * since a signature must cover one meaning), typed reads, and RFC 3339 times.
 */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private static final Pattern RFC_3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /**
     * The document, if the bytes hold exactly one JSON object whose every text (names too) is
     * Unicode ({@link UnicodeText}): a lone surrogate would be answered back as {@code ?}, an id
     * the partner never sent.
     */
    static Optional<ObjectNode> parseObject(byte @Nullable [] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node != null && node.isObject() && wellFormed(node) ? Optional.of((ObjectNode) node) : Optional.empty();
        }
        catch (JacksonException ex) {
            return Optional.empty();
        }
    }

    private static boolean wellFormed(JsonNode node) {
        if (node.isString()) {
            return UnicodeText.isWellFormed(node.stringValue());
        }
        if (node.isObject()) {
            return node.properties().stream()
                    .allMatch(field -> UnicodeText.isWellFormed(field.getKey()) && wellFormed(field.getValue()));
        }
        return !node.isArray() || node.valueStream().allMatch(Json::wellFormed);
    }

    static byte[] bytes(JsonNode node) {
        return MAPPER.writeValueAsBytes(node);
    }

    static String text(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    /** The field's value if it is a JSON string, else {@code null} (also when the field is missing). */
    static @Nullable String string(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    /** The field's value if it is an object, else {@code null}. */
    static @Nullable ObjectNode object(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        return value != null && value.isObject() ? (ObjectNode) value : null;
    }

    /** A time as DCI messages carry it: RFC 3339 in UTC to the millisecond, e.g. {@code 2025-03-01T08:30:00.123Z}. */
    static String timestamp(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** Whether the text is an RFC 3339 date-time with its offset from UTC ({@code Z} or {@code ±hh:mm}). */
    static boolean isTimestamp(@Nullable String text) {
        if (text == null) {
            return false;
        }
        String upper = text.toUpperCase(Locale.ROOT);
        if (!RFC_3339.matcher(upper).matches()) {
            return false;
        }
        try {
            OffsetDateTime.parse(upper);
            return true;
        }
        catch (DateTimeParseException ex) {
            return false;
        }
    }
}
