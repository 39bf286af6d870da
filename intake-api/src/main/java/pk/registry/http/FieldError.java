package pk.registry.http;

import java.util.regex.Pattern;

/**
 * One failing field of a request: where, which rule, and a message that never repeats the
 * submitted value.
 *
 * @param field the JSON path of the field ({@code members[2].cnic}), or the CSV column
 * @param code a stable, machine-readable rule code
 * @param message a human-readable explanation
 */
public record FieldError(String field, String code, String message) {

    /** One field name: a letter, then letters, underscores and digits, never four digits in a row. */
    private static final String NAME = "[A-Za-z](?:[A-Za-z_]|\\d(?!\\d{3}))*";

    /**
     * A JSON path of field names and indexes, short: {@code household.members[2].cnic}. A name
     * begins with a letter and holds no run of more than three digits, so that no CNIC or mobile
     * number hidden in a name ({@code cnic3520212345671}) is ever repeated.
     */
    private static final Pattern FIELD_NAME = Pattern.compile(
            "(?=.{1,100}$)" + NAME + "(\\[\\d+])*(\\." + NAME + "(\\[\\d+])*)*");

    /**
     * A field path or name that came from the caller (a body's field, a form's part): repeated
     * only if it looks like a field's name, never a CNIC or a sentence; else {@code body}.
     */
    public static String callersName(String path) {
        return FIELD_NAME.matcher(path).matches() ? path : "body";
    }
}
