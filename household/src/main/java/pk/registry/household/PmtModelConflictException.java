package pk.registry.household;

/** A model version cannot be published or activated as asked (it exists already, or does not exist). */
public class PmtModelConflictException extends RuntimeException {

    PmtModelConflictException(String message) {
        super(message);
    }
}
