package pk.registry.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A recorded event as the auditor sees it: pseudonymous throughout.
 *
 * @param actor a client id, or {@code applicant:} and a keyed token of the applicant's mobile
 */
public record AuditEvent(long seq, Instant occurredAt, String actor, String actorRole, String purpose,
        @Nullable String householdId, String action, String outcome, String previousHash, String hash) {
}
