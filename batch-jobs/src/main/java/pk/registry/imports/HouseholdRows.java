package pk.registry.imports;

import java.util.List;

/**
 * The consecutive rows of one household, as the reader groups them.
 *
 * @param problems errors found while grouping (a household split by other rows)
 * @param linesRead lines of the file read up to the end of this household
 * @param bytesRead bytes of the file read so far (for progress)
 */
record HouseholdRows(String householdRef, List<CsvRow> rows, List<RowError> problems, long linesRead, long bytesRead) {

    @Override
    public String toString() {
        return "HouseholdRows[" + rows.size() + " rows]";
    }
}
