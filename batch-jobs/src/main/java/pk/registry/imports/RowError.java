package pk.registry.imports;

import org.jspecify.annotations.Nullable;

/**
 * One line of the error report. Names the line, the household's form number, the column and
 * the rule; never a value from the file.
 */
record RowError(long line, @Nullable String householdRef, @Nullable String column, String code, String message) {
}
