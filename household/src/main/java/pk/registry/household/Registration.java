package pk.registry.household;

import java.util.UUID;

/**
 * The outcome of a submission.
 *
 * @param replayed {@code true} when an earlier submission with the same Idempotency-Key and body is returned again
 */
public record Registration(UUID id, boolean replayed) {
}
