package pk.registry.consent;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import pk.registry.kernel.Actor;
import pk.registry.kernel.DataCategory;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.Purpose;
import pk.registry.kernel.Role;

/**
 * The one check every use of personal data passes: the caller names a purpose, and the use
 * is allowed only if the purpose may use those data categories, the caller's role may pursue
 * the purpose, and the purpose's legal basis holds (public task, legal obligation) or the
 * household's consent for it is active. Purposes for aggregates only never reach a single
 * household. A data subject may always read their own household (right of access).
 * <p>
 * The gate decides; the caller audits the decision with the change it belongs to.
 */
@Component
public class PurposeGate {

    private static final Map<Role, Set<Purpose>> ROLE_PURPOSES = new EnumMap<>(Map.of(
            Role.APPLICANT, EnumSet.of(Purpose.IDENTITY_VERIFICATION),
            Role.FIELD_OFFICER, EnumSet.of(Purpose.IDENTITY_VERIFICATION, Purpose.ELIGIBILITY_ASSESSMENT, Purpose.COMMUNICATION),
            Role.PARTNER, EnumSet.of(Purpose.IDENTITY_VERIFICATION, Purpose.ELIGIBILITY_ASSESSMENT),
            Role.DPO, EnumSet.of(Purpose.LEGAL_COMPLIANCE, Purpose.COMMUNICATION, Purpose.SERVICE_IMPROVEMENT),
            Role.AUDITOR, EnumSet.of(Purpose.SERVICE_IMPROVEMENT),
            Role.ADMIN, EnumSet.of(Purpose.SERVICE_IMPROVEMENT)));

    private final PurposeCatalogue catalogue;
    private final ConsentManagement consents;

    PurposeGate(PurposeCatalogue catalogue, ConsentManagement consents) {
        this.catalogue = catalogue;
        this.consents = consents;
    }

    /** A decision; {@code reason} says why a use was refused, without personal data. */
    public record Decision(boolean allowed, String reason) {
        static Decision allow() {
            return new Decision(true, "");
        }

        static Decision deny(String reason) {
            return new Decision(false, reason);
        }
    }

    /** A use of one household's data in the given categories. */
    public Decision checkHousehold(Actor actor, HouseholdId household, Purpose purpose, Set<DataCategory> categories,
            boolean ownHousehold) {
        if (ownHousehold && actor.is(Role.APPLICANT)) {
            return Decision.allow();
        }
        var entry = catalogue.entry(purpose);
        if (entry.aggregateOnly()) {
            return aggregateOnly(purpose);
        }
        if (!entry.dataCategories().containsAll(categories)) {
            return Decision.deny(purpose + " may not use " + categories.stream()
                    .filter(category -> !entry.dataCategories().contains(category)).toList());
        }
        Decision role = roleMay(actor.role(), purpose);
        if (!role.allowed()) {
            return role;
        }
        if (entry.legalBasis() == PurposeCatalogue.LegalBasis.CONSENT && !consents.isActive(household, purpose)) {
            return Decision.deny("the household has not consented to " + purpose + ", or withdrew it");
        }
        return Decision.allow();
    }

    /** A use of aggregates (counts), which hold no personal data. */
    public Decision checkAggregate(Actor actor, Purpose purpose) {
        return roleMay(actor.role(), purpose);
    }

    /**
     * Whether the role may ever use one household's data for the purpose: refused here, every
     * {@link #checkHousehold} of the role for the purpose is refused, whatever the household (but
     * an applicant's own), its consent and the categories: the purpose is for aggregates only, or
     * the role may not pursue it. Allowed here, each use is still checked.
     */
    public Decision checkHouseholdPurpose(Role role, Purpose purpose) {
        return catalogue.entry(purpose).aggregateOnly() ? aggregateOnly(purpose) : roleMay(role, purpose);
    }

    private static Decision aggregateOnly(Purpose purpose) {
        return Decision.deny(purpose + " may use aggregate data only, never one household's");
    }

    private static Decision roleMay(Role role, Purpose purpose) {
        return ROLE_PURPOSES.getOrDefault(role, Set.of()).contains(purpose) ? Decision.allow()
                : Decision.deny("the role " + role + " may not use data for " + purpose);
    }
}
