package pk.registry.audit;

import org.jspecify.annotations.Nullable;

/**
 * The result of re-walking the chain.
 *
 * @param intact whether every event's hash matches its content and its predecessor
 * @param eventsChecked how many events were read
 * @param firstBrokenEvent the sequence number of the first event that does not match, if any
 */
public record ChainVerification(boolean intact, long eventsChecked, @Nullable Long firstBrokenEvent) {
}
