package pk.registry.rights;

/** A correction or complaint cannot be decided or answered as asked (it was already). */
public class RightsConflictException extends RuntimeException {

    RightsConflictException(String message) {
        super(message);
    }
}
