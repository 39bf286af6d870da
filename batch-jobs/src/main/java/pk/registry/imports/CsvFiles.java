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
     * Also refuses NUL characters, which no text CSV contains, and a carriage return (CR) not
     * followed by a line feed (LF) outside a quoted field: template v1 lines end with CRLF or LF,
     * but Commons CSV would end a record at a CR alone too (old Mac line ends). Inside a quoted
     * field a CR is part of the value (RFC 4180). Follows the quoting as the characters go by, in
     * the pass the parser makes anyway, keeping nothing of the file but where it stands.
     */
    static final class GuardedReader extends FilterReader {

        /** A field begins: a quote here opens a quoted field. */
        private static final int FIELD_START = 0;
        /** In a field that is not quoted (a quote in it quotes nothing), or after a quoted one closed. */
        private static final int UNQUOTED = 1;
        /** In a quoted field: CR, LF and commas are part of the value. */
        private static final int QUOTED = 2;
        /** A quote in a quoted field: it closes the field, unless another quote follows ({@code ""} is one quote). */
        private static final int QUOTE = 3;

        private final int maxRecordChars;
        private final char[] one = new char[1];
        private long sinceBoundary;
        private int state = FIELD_START;
        /** The last character was a CR outside a quoted field: only a LF may follow. */
        private boolean lineEnding;
        /** The last character was a CR. */
        private boolean afterCr;
        /** Line ends so far, counted as Commons CSV counts them (CR, LF and CRLF once each). */
        private long lineEnds;

        GuardedReader(Reader in, int maxRecordChars) {
            super(in);
            this.maxRecordChars = maxRecordChars;
        }

        void recordEnded() {
            sinceBoundary = 0;
        }

        @Override
        public int read() throws IOException {
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                scan(buffer, offset, offset + read);
                check(read);
            }
            else if (read < 0 && lineEnding) {
                throw carriageReturnAlone();
            }
            return read;
        }

        private void scan(char[] buffer, int from, int to) {
            int state = this.state;
            boolean lineEnding = this.lineEnding;
            boolean afterCr = this.afterCr;
            long lineEnds = this.lineEnds;
            for (int i = from; i < to; i++) {
                char c = buffer[i];
                if (lineEnding && c != '\n') {
                    this.lineEnds = lineEnds;
                    throw carriageReturnAlone();
                }
                switch (c) {
                    case '\n' -> {
                        lineEnds += afterCr ? 0 : 1;
                        lineEnding = false;
                        afterCr = false;
                        state = state == QUOTED ? QUOTED : FIELD_START;
                    }
                    case '\r' -> {
                        lineEnds++;
                        afterCr = true;
                        if (state != QUOTED) {
                            lineEnding = true;
                            state = FIELD_START;
                        }
                    }
                    case '"' -> {
                        afterCr = false;
                        state = switch (state) {
                            case FIELD_START, QUOTE -> QUOTED;
                            case QUOTED -> QUOTE;
                            default -> UNQUOTED;
                        };
                    }
                    case ',' -> {
                        afterCr = false;
                        state = state == QUOTED ? QUOTED : FIELD_START;
                    }
                    case 0 -> throw new ImportFileException("the file is not text: it contains NUL characters");
                    default -> {
                        afterCr = false;
                        state = state == QUOTED ? QUOTED : UNQUOTED;
                    }
                }
            }
            this.state = state;
            this.lineEnding = lineEnding;
            this.afterCr = afterCr;
            this.lineEnds = lineEnds;
        }

        private ImportFileException carriageReturnAlone() {
            return new ImportFileException("line " + lineEnds + " ends with a carriage return (CR) alone, as old Mac files do; "
                    + "the lines of template v1 end with CRLF or LF");
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
