package pk.registry.imports;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/** One data row: its line in the file and its values by template column (blank values absent). */
record CsvRow(long line, Map<String, String> values) {

    @Nullable String get(String column) {
        return values.get(column);
    }

    @Override
    public String toString() {
        return "CsvRow[line " + line + "]";
    }
}
