package pk.registry.audit;

import org.jspecify.annotations.Nullable;

import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.Purpose;

/**
 * One thing to record.
 *
 * @param actor who acted (pseudonymised before it is stored)
 * @param purpose why
 * @param household which household, if any
 * @param action what
 * @param outcome done or refused
 */
public record AuditEntry(Actor actor, Purpose purpose, @Nullable HouseholdId household, AuditAction action,
        AuditOutcome outcome) {

    public static AuditEntry success(Actor actor, Purpose purpose, @Nullable HouseholdId household, AuditAction action) {
        return new AuditEntry(actor, purpose, household, action, AuditOutcome.SUCCESS);
    }

    public static AuditEntry denied(Actor actor, Purpose purpose, @Nullable HouseholdId household, AuditAction action) {
        return new AuditEntry(actor, purpose, household, action, AuditOutcome.DENIED);
    }
}
