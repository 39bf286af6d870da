package pk.registry.imports;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** How template-v1 files are opened: strict UTF-8, BOM skipped, RFC 4180, header checked. */
final class CsvFiles {

    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setTrim(false).setIgnoreEmptyLines(true).get();

    private CsvFiles() {
    }

    /** A strict UTF-8 reader: malformed input is an error, not a replacement character. */
    static GuardedReader open(InputStream in, int maxRecordChars) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new GuardedReader(new InputStreamReader(in, decoder), maxRecordChars);
    }

    /**
     * Reads and checks the header record: names trimmed and matched case-insensitively; an
     * unknown, duplicated or missing required column refuses the file.
     *
     * @return template column → index in the file
     */
    static Map<String, Integer> header(CSVParser parser) {
        var records = parser.iterator();
        if (!records.hasNext()) {
            throw new ImportFileException("the file is empty; the first line must be the template-v1 header");
        }
        CSVRecord header = records.next();
        Map<String, Integer> columns = new HashMap<>();
        Set<String> known = new HashSet<>(TemplateV1.columns());
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            if (!known.contains(name)) {
                throw new ImportFileException("column " + (i + 1) + " of the header is not a template-v1 column");
            }
            if (columns.put(name, i) != null) {
                throw new ImportFileException("column " + name + " appears more than once in the header");
            }
        }
        List<String> missing = TemplateV1.REQUIRED.stream().filter(required -> !columns.containsKey(required)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new ImportFileException("required columns are missing: " + String.join(", ", missing));
        }
        return columns;
    }

    /**
     * Counts characters since the last record boundary and refuses a record that grows past
     * the limit: an unterminated quote cannot make the parser swallow the rest of the file.
     * Also refuses NUL characters, which no text CSV contains.
     */
    static final class GuardedReader extends FilterReader {

        private final int maxRecordChars;
        private long sinceBoundary;

        GuardedReader(Reader in, int maxRecordChars) {
            super(in);
            this.maxRecordChars = maxRecordChars;
        }

        void recordEnded() {
            sinceBoundary = 0;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                check(1);
                if (c == 0) {
                    throw new ImportFileException("the file is not text: it contains NUL characters");
                }
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                for (int i = offset; i < offset + read; i++) {
                    if (buffer[i] == 0) {
                        throw new ImportFileException("the file is not text: it contains NUL characters");
                    }
                }
                check(read);
            }
            return read;
        }

        private void check(int chars) {
            sinceBoundary += chars;
            if (sinceBoundary > maxRecordChars) {
                throw new ImportFileException("a record is longer than " + maxRecordChars
                        + " characters (an unterminated quote?)");
            }
        }
    }
}
