package pk.registry.imports;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One data row: its line in the file and its values (blank values absent) in the file's column
 * order, found by template column through the header's positions, which every row of the file
 * shares: a row is one array, not a map of its own.
 *
 * @param cellsBeyondHeader whether the row had a value in a cell past the header's last column
 *        (not read: the row is in error)
 */
record CsvRow(long line, Map<String, Integer> columns, @Nullable String[] values, boolean cellsBeyondHeader) {

    @Nullable String get(String column) {
        Integer position = columns.get(column);
        return position == null ? null : values[position];
    }

    @Override
    public String toString() {
        return "CsvRow[line " + line + "]";
    }
}
