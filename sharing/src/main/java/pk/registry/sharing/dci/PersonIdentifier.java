package pk.registry.sharing.dci;

import java.util.Locale;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import pk.registry.household.Cnic;

/**
 * A person named by an {@code idtype-value} query or filter ({@code {"type": …, "value": …}}):
 * Pakistan's national id, the CNIC, under any of the names partners use for a national id.
 */
final class PersonIdentifier {

    /** Identifier types taken as the CNIC (compared without case). */
    static final Set<String> NATIONAL_ID_TYPES = Set.of("cnic", "nationalid", "nin", "uin");

    private PersonIdentifier() {
    }

    /**
     * The CNIC the query names.
     * @throws ItemProblem with the given reason if the query is not an identifier type and value,
     *         the type is not the national id, or the value is not a CNIC (13 digits, dashes optional)
     */
    static Cnic cnicOf(JsonNode query, Reason whenNot) {
        String type = Json.string(query, "type");
        if (!query.isObject() || type == null || !query.has("value")) {
            throw new ItemProblem(whenNot, "an idtype-value query is an object with a type and a value");
        }
        if (!NATIONAL_ID_TYPES.contains(type.toLowerCase(Locale.ROOT))) {
            throw new ItemProblem(whenNot, "the identifier type must be the national id: CNIC, NationalID, NIN or UIN");
        }
        JsonNode value = query.get("value");
        String text = value.isString() ? value.stringValue() : value.isIntegralNumber() ? value.asString() : null;
        if (!Cnic.isValid(text)) {
            throw new ItemProblem(whenNot, "the identifier value must be a CNIC: 13 digits, dashes optional");
        }
        return Cnic.parse(text);
    }
}
