package pk.registry.imports;

/**
 * The whole file is refused (bad header, not UTF-8 text CSV, a record too long). Nothing of
 * it is stored. The message names columns and rules, never values.
 */
class ImportFileException extends RuntimeException {

    ImportFileException(String message) {
        super(message);
    }

    ImportFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
