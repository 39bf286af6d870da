package pk.registry.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Streams a template-v1 file and groups its consecutive rows by {@code household_ref} into
 * one item per household. Restartable: the execution context keeps only the number of
 * records already handed out; a restart skips that many (rebuilding the set of references
 * seen, which is all it keeps in memory besides the current household).
 */
class HouseholdCsvReader implements ItemStreamReader<HouseholdRows> {

    static final String RECORDS_CONSUMED = "records.consumed";
    static final Pattern REF = Pattern.compile("[A-Za-z0-9\\-_/]{1,40}");

    private final Path file;
    private final int maxRecordChars;

    private @Nullable CountingStream bytes;
    private CsvFiles.@Nullable GuardedReader reader;
    private @Nullable CSVParser parser;
    private @Nullable Iterator<CSVRecord> records;
    private Map<String, Integer> columns = Map.of();
    private final SeenRefs seenRefs = new SeenRefs();
    private @Nullable CsvRow pending;
    private long consumed;
    private long pendingLine = 1;

    HouseholdCsvReader(Path file, int maxRecordChars) {
        this.file = file;
        this.maxRecordChars = maxRecordChars;
    }

    @Override
    public void open(ExecutionContext context) {
        try {
            bytes = new CountingStream(Files.newInputStream(file));
            reader = CsvFiles.open(bytes, maxRecordChars);
            parser = CsvFiles.FORMAT.parse(reader);
            columns = CsvFiles.header(parser);
            records = parser.iterator();
            reader.recordEnded();
            long skip = context.getLong(RECORDS_CONSUMED, 0L);
            for (long i = 0; i < skip; i++) {
                CsvRow row = next();
                if (row == null) {
                    break;
                }
                seenRefs.add(ref(row));
            }
            consumed = skip;
            pending = null;
        }
        catch (IOException ex) {
            throw new ItemStreamException("the staged file cannot be opened", ex);
        }
    }

    @Override
    public @Nullable HouseholdRows read() {
        CsvRow first = pending != null ? pending : next();
        pending = null;
        if (first == null) {
            return null;
        }
        String ref = ref(first);
        List<CsvRow> rows = new ArrayList<>();
        rows.add(first);
        CsvRow row;
        while ((row = next()) != null && ref(row).equals(ref)) {
            rows.add(row);
        }
        pending = row;
        consumed += rows.size();
        List<RowError> problems = new ArrayList<>();
        String reported = REF.matcher(ref).matches() ? ref : null;
        if (!seenRefs.add(ref)) {
            for (CsvRow split : rows) {
                problems.add(new RowError(split.line(), reported, "household_ref", "HouseholdSplit",
                        "rows of one household must be consecutive; this household_ref appeared earlier"));
            }
        }
        for (CsvRow wide : rows) {
            if (wide.cellsBeyondHeader()) {
                problems.add(new RowError(wide.line(), reported, null, "CellsBeyondHeader",
                        "has a value past the header's last column; template v1 has no such column"));
            }
        }
        long lines = pending != null ? pending.line() - 1 : currentLine();
        return new HouseholdRows(ref, rows, problems, lines, bytes == null ? 0 : bytes.count());
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(RECORDS_CONSUMED, consumed);
    }

    @Override
    public void close() {
        try {
            if (parser != null) {
                parser.close();
            }
        }
        catch (IOException ex) {
            throw new ItemStreamException("the staged file cannot be closed", ex);
        }
        finally {
            parser = null;
            records = null;
            seenRefs.clear();
        }
    }

    private @Nullable CsvRow next() {
        try {
            long line = currentLine() + 1;
            if (records == null || !records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            if (reader != null) {
                reader.recordEnded();
            }
            @Nullable String[] values = new String[columns.size()];
            for (int position = 0; position < values.length && position < record.size(); position++) {
                String value = record.get(position).strip();
                values[position] = value.isEmpty() ? null : value;
            }
            boolean beyond = false;
            for (int position = values.length; position < record.size() && !beyond; position++) {
                beyond = !record.get(position).isBlank();
            }
            return new CsvRow(line, columns, values, beyond);
        }
        catch (UncheckedIOException ex) {
            throw ImportFileException.unreadable(ex);
        }
    }

    private long currentLine() {
        return parser == null ? 0 : parser.getCurrentLineNumber();
    }

    private static String ref(CsvRow row) {
        String ref = row.get("household_ref");
        return ref == null ? "" : ref;
    }

    /** Counts the bytes read from the file, for progress. */
    static final class CountingStream extends java.io.FilterInputStream {

        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                count += read;
            }
            return read;
        }
    }
}
