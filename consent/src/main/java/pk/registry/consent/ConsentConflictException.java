package pk.registry.consent;

/**
 * A consent change that cannot be made: withdrawing a purpose registration requires (only
 * an erasure request ends registration), or one that is not active.
 */
public class ConsentConflictException extends RuntimeException {

    ConsentConflictException(String message) {
        super(message);
    }
}
