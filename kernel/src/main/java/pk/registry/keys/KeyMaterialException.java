package pk.registry.keys;

/**
 * Key material is missing, unreadable, of the wrong origin or does not match the data.
 * The service does not start with such keys. Messages name files and purposes, never key bytes.
 */
public class KeyMaterialException extends RuntimeException {

    public KeyMaterialException(String message) {
        super(message);
    }

    public KeyMaterialException(String message, Throwable cause) {
        super(message, cause);
    }
}
