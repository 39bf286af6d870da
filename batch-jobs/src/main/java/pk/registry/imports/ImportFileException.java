package pk.registry.imports;

import java.nio.charset.CharacterCodingException;

import org.apache.commons.csv.CSVException;

/**
 * The whole file is refused (bad header, not UTF-8 text CSV, a CR alone ending a line, a record
 * too long). Nothing of it is stored. The message names lines, columns and rules, never values.
 */
class ImportFileException extends RuntimeException {

    ImportFileException(String message) {
        super(message);
    }

    ImportFileException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The file could not be read to its end: not UTF-8 (a malformed byte sequence), or not CSV
     * (Commons CSV's own message, e.g. an unterminated quote, which names lines and positions,
     * never content).
     */
    static ImportFileException unreadable(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ImportFileException refused) {
                return refused;
            }
            if (cause instanceof CharacterCodingException) {
                return new ImportFileException("the file is not UTF-8 text", failure);
            }
            if (cause instanceof CSVException csv) {
                return new ImportFileException("the file is not valid CSV (RFC 4180): " + csv.getMessage(), failure);
            }
        }
        return new ImportFileException("the file could not be read as UTF-8 text CSV", failure);
    }
}
