package pk.registry.audit;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import pk.registry.kernel.Actor;
import pk.registry.kernel.Purpose;

/**
 * One thing to record.
 *
 * @param actor who acted (pseudonymised before it is stored)
 * @param purpose why
 * @param householdId which household, if any
 * @param action what, e.g. {@code HOUSEHOLD_CREATED}, {@code HOUSEHOLD_READ}
 * @param outcome {@code SUCCESS}, {@code DENIED}, {@code REJECTED}, …
 */
public record AuditEntry(Actor actor, Purpose purpose, @Nullable UUID householdId, String action, String outcome) {

    public static AuditEntry success(Actor actor, Purpose purpose, @Nullable UUID householdId, String action) {
        return new AuditEntry(actor, purpose, householdId, action, "SUCCESS");
    }

    public static AuditEntry denied(Actor actor, Purpose purpose, @Nullable UUID householdId, String action) {
        return new AuditEntry(actor, purpose, householdId, action, "DENIED");
    }
}
