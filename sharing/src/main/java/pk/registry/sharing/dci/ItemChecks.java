package pk.registry.sharing.dci;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/** The checks every entry of a request passes: its reference id, timestamp, locale and pagination. */
final class ItemChecks {

    static final int MAX_ID_LENGTH = 99;

    private static final Pattern LOCALE = Pattern.compile("[a-z]{3}");

    private ItemChecks() {
    }

    /** The entry's reference id as sent, for the answer to repeat ({@code ""} if it is not a string). */
    static String referenceIdAsSent(JsonNode item) {
        String referenceId = Json.string(item, "reference_id");
        return referenceId == null ? "" : referenceId;
    }

    /** @throws ItemProblem unless the entry has a reference id of 1 to 99 characters */
    static String referenceId(JsonNode item) {
        String referenceId = Json.string(item, "reference_id");
        if (referenceId == null || referenceId.isBlank() || referenceId.length() > MAX_ID_LENGTH) {
            throw new ItemProblem(Reason.REFERENCE_ID_INVALID, "reference_id is required: a string of 1 to 99 characters");
        }
        return referenceId;
    }

    /** @throws ItemProblem unless the entry's timestamp is an RFC 3339 date-time with its zone */
    static void timestamp(JsonNode item) {
        if (!Json.isTimestamp(Json.string(item, "timestamp"))) {
            throw new ItemProblem(Reason.TIMESTAMP_INVALID, "timestamp must be an RFC 3339 date-time with its zone");
        }
    }

    /** @throws ItemProblem if the entry has a locale that is not an ISO 639-3 code */
    static void locale(JsonNode item) {
        JsonNode locale = item.get("locale");
        if (locale != null && !locale.isNull() && !(locale.isString() && LOCALE.matcher(locale.stringValue()).matches())) {
            throw new ItemProblem(Reason.LOCALE_INVALID, "locale must be an ISO 639-3 code of three lower-case letters");
        }
    }

    /**
     * @throws ItemProblem if a pagination is given without a page size of at least 1, or with a page number under 1
     *         (either beyond 2^31 - 1 is refused too)
     */
    static void pagination(@Nullable JsonNode pagination) {
        if (pagination == null || pagination.isNull()) {
            return;
        }
        if (!pagination.isObject() || !positive(pagination.get("page_size"))
                || pagination.has("page_number") && !positive(pagination.get("page_number"))) {
            throw new ItemProblem(Reason.PAGINATION_INVALID, "pagination needs a page_size and page_number of at least 1");
        }
    }

    /**
     * A whole number from 1 to {@link Integer#MAX_VALUE}. The range is checked before the value is
     * read: Jackson 3 throws, rather than truncates, when a number beyond a long is read as one.
     */
    private static boolean positive(@Nullable JsonNode number) {
        return number != null && number.isNumber() && number.canConvertToExactIntegral() && number.canConvertToInt()
                && number.asInt() >= 1;
    }
}
