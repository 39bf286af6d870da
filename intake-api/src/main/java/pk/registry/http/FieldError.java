package pk.registry.http;

/**
 * One failing field of a request: where, which rule, and a message that never repeats the
 * submitted value.
 *
 * @param field the JSON path of the field ({@code members[2].cnic}), or the CSV column
 * @param code a stable, machine-readable rule code
 * @param message a human-readable explanation
 */
public record FieldError(String field, String code, String message) {
}
