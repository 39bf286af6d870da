package pk.registry.household;

/** The same Idempotency-Key was used before with a different request. */
public class IdempotencyKeyReusedException extends RuntimeException {

    IdempotencyKeyReusedException() {
        super("the Idempotency-Key was already used for a different request");
    }
}
