package pk.registry.retention;

/** An erasure request cannot be made or decided as asked (one is open already, it was decided, no ground cited). */
public class ErasureConflictException extends RuntimeException {

    ErasureConflictException(String message) {
        super(message);
    }
}
