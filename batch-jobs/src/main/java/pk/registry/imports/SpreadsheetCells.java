package pk.registry.imports;

import org.jspecify.annotations.Nullable;

/**
 * Cells of the CSV files the service writes, made safe to open in a spreadsheet (OWASP "CSV
 * injection"): a value that begins with {@code = + - @}, a tab or a carriage return would be run
 * as a formula, so it is written after a single quote, which spreadsheets show as text. The
 * value as stored is untouched: only what is written out is neutralised.
 */
final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    static @Nullable Object neutralised(@Nullable Object value) {
        if (!(value instanceof String text) || text.isEmpty()) {
            return value;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
