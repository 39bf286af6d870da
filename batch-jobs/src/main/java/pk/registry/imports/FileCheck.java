package pk.registry.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The whole-file check before anything is stored: the header is template v1 and every byte
 * is UTF-8 text that parses as RFC 4180 CSV with lines ending in CRLF or LF and no record
 * longer than the limit.
 */
final class FileCheck {

    private FileCheck() {
    }

    static void check(Path file, int maxRecordChars) {
        try (var reader = CsvFiles.open(Files.newInputStream(file), maxRecordChars);
                CSVParser parser = CsvFiles.FORMAT.parse(reader)) {
            CsvFiles.header(parser);
            reader.recordEnded();
            for (CSVRecord ignored : parser) {
                reader.recordEnded();
            }
        }
        catch (UncheckedIOException | IOException ex) {
            throw ImportFileException.unreadable(ex);
        }
        catch (IllegalStateException ex) {
            throw new ImportFileException("the file is not valid CSV (RFC 4180)", ex);
        }
    }
}
