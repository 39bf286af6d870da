package pk.registry.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static pk.registry.consent.ConsentFixtures.APPLICANT;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import pk.registry.kernel.Actor;
import pk.registry.kernel.DataCategory;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.Purpose;
import pk.registry.kernel.Role;
import pk.testsupport.RegistryModuleTest;

/**
 * The purpose gate on the catalogue the migrations seed: which role may pursue which purpose,
 * which categories each purpose may use, consent where the legal basis is consent, aggregates
 * only where the catalogue says so, and a data subject's right of access to their own household.
 */
@RegistryModuleTest
@Import(ConsentFixtures.class)
class PurposeGateIntegrationTests {

    /** Who may pursue what (consent/README and the HTTP contract). */
    static final Map<Role, Set<Purpose>> ROLE_PURPOSES = Map.of(
            Role.APPLICANT, EnumSet.of(Purpose.IDENTITY_VERIFICATION),
            Role.FIELD_OFFICER, EnumSet.of(Purpose.IDENTITY_VERIFICATION, Purpose.ELIGIBILITY_ASSESSMENT, Purpose.COMMUNICATION),
            Role.PARTNER, EnumSet.of(Purpose.IDENTITY_VERIFICATION, Purpose.ELIGIBILITY_ASSESSMENT),
            Role.DPO, EnumSet.of(Purpose.LEGAL_COMPLIANCE, Purpose.COMMUNICATION, Purpose.SERVICE_IMPROVEMENT),
            Role.AUDITOR, EnumSet.of(Purpose.SERVICE_IMPROVEMENT),
            Role.ADMIN, EnumSet.of(Purpose.SERVICE_IMPROVEMENT));

    /** Which categories each purpose may use (consent/README, seeded by migration V5). */
    static final Map<Purpose, Set<DataCategory>> PURPOSE_CATEGORIES = Map.of(
            Purpose.IDENTITY_VERIFICATION, EnumSet.of(DataCategory.IDENTITY, DataCategory.CONTACT),
            Purpose.ELIGIBILITY_ASSESSMENT, EnumSet.allOf(DataCategory.class),
            Purpose.COMMUNICATION, EnumSet.of(DataCategory.CONTACT),
            Purpose.SERVICE_IMPROVEMENT, EnumSet.of(DataCategory.HOUSEHOLD_COMPOSITION, DataCategory.SOCIO_ECONOMIC,
                    DataCategory.HEALTH),
            Purpose.LEGAL_COMPLIANCE, EnumSet.allOf(DataCategory.class));

    static final Actor OFFICER = actor(Role.FIELD_OFFICER);
    static final Actor DPO = actor(Role.DPO);

    @Autowired
    PurposeGate gate;

    @Autowired
    ConsentManagement consents;

    @Autowired
    ConsentFixtures fixtures;

    @Test
    void eachRolePursuesItsOwnPurposesOnly() {
        HouseholdId consentedToAll = fixtures.householdWithConsent(Purpose.COMMUNICATION, Purpose.SERVICE_IMPROVEMENT,
                Purpose.LEGAL_COMPLIANCE);
        SoftAssertions softly = new SoftAssertions();
        for (Role role : Role.values()) {
            for (Purpose purpose : Purpose.values()) {
                boolean may = ROLE_PURPOSES.get(role).contains(purpose);
                softly.assertThat(gate.checkAggregate(actor(role), purpose).allowed()).as("%s, aggregates for %s", role, purpose)
                        .isEqualTo(may);
                if (purpose == Purpose.SERVICE_IMPROVEMENT) {
                    continue; // never one household's data, whoever asks: below
                }
                PurposeGate.Decision decision = gate.checkHousehold(actor(role), consentedToAll, purpose,
                        PURPOSE_CATEGORIES.get(purpose), false);
                softly.assertThat(decision.allowed()).as("%s, one household for %s", role, purpose).isEqualTo(may);
                if (!may) {
                    softly.assertThat(decision.reason()).isEqualTo("the role " + role + " may not use data for " + purpose);
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void aggregateOnlyPurposesNeverReachOneHousehold() {
        HouseholdId consented = fixtures.householdWithConsent(Purpose.SERVICE_IMPROVEMENT);

        for (Role role : Set.of(Role.DPO, Role.AUDITOR, Role.ADMIN)) {
            assertThat(gate.checkAggregate(actor(role), Purpose.SERVICE_IMPROVEMENT).allowed()).isTrue();
            for (DataCategory category : PURPOSE_CATEGORIES.get(Purpose.SERVICE_IMPROVEMENT)) {
                PurposeGate.Decision decision = gate.checkHousehold(actor(role), consented, Purpose.SERVICE_IMPROVEMENT,
                        Set.of(category), false);
                assertThat(decision.allowed()).as("%s reading %s", role, category).isFalse();
                assertThat(decision.reason()).contains("aggregate");
            }
        }
    }

    /** For standing terms naming purposes (a partner's agreement): a purpose refused here is refused for every household. */
    @Test
    void aPurposeARoleMayNeverUseForOneHouseholdIsRefusedForEachOfThem() {
        HouseholdId consentedToAll = fixtures.householdWithConsent(Purpose.COMMUNICATION, Purpose.SERVICE_IMPROVEMENT,
                Purpose.LEGAL_COMPLIANCE);
        SoftAssertions softly = new SoftAssertions();
        for (Role role : Role.values()) {
            for (Purpose purpose : Purpose.values()) {
                boolean may = ROLE_PURPOSES.get(role).contains(purpose) && purpose != Purpose.SERVICE_IMPROVEMENT;
                softly.assertThat(gate.checkHouseholdPurpose(role, purpose).allowed()).as("%s for %s", role, purpose)
                        .isEqualTo(may);
                softly.assertThat(gate.checkHousehold(actor(role), consentedToAll, purpose, PURPOSE_CATEGORIES.get(purpose),
                        false).allowed()).as("%s, one household for %s", role, purpose).isEqualTo(may);
            }
        }
        softly.assertThat(gate.checkHouseholdPurpose(Role.PARTNER, Purpose.SERVICE_IMPROVEMENT).reason()).contains("aggregate");
        softly.assertThat(gate.checkHouseholdPurpose(Role.PARTNER, Purpose.COMMUNICATION).reason())
                .isEqualTo("the role PARTNER may not use data for COMMUNICATION");
        softly.assertAll();
    }

    @Test
    void aPurposeUsesItsOwnCategoriesOnly() {
        HouseholdId consentedToAll = fixtures.householdWithConsent(Purpose.COMMUNICATION, Purpose.LEGAL_COMPLIANCE);
        Map<Purpose, Actor> pursuer = Map.of(Purpose.IDENTITY_VERIFICATION, OFFICER, Purpose.ELIGIBILITY_ASSESSMENT, OFFICER,
                Purpose.COMMUNICATION, OFFICER, Purpose.LEGAL_COMPLIANCE, DPO);
        SoftAssertions softly = new SoftAssertions();
        pursuer.forEach((purpose, actor) -> {
            for (DataCategory category : DataCategory.values()) {
                PurposeGate.Decision decision = gate.checkHousehold(actor, consentedToAll, purpose, Set.of(category), false);
                boolean allowed = PURPOSE_CATEGORIES.get(purpose).contains(category);
                softly.assertThat(decision.allowed()).as("%s using %s", purpose, category).isEqualTo(allowed);
                if (!allowed) {
                    softly.assertThat(decision.reason()).isEqualTo(purpose + " may not use [" + category + "]");
                }
            }
        });
        softly.assertAll();

        assertThat(gate.checkHousehold(OFFICER, consentedToAll, Purpose.COMMUNICATION,
                EnumSet.of(DataCategory.CONTACT, DataCategory.HEALTH), false).reason())
                .as("names only the categories out of bounds").isEqualTo("COMMUNICATION may not use [HEALTH]");
    }

    @Test
    void purposesBasedOnConsentNeedItActiveAndTheOthersDoNot() {
        HouseholdId requiredOnly = fixtures.householdWithConsent();
        HouseholdId consented = fixtures.householdWithConsent(Purpose.COMMUNICATION);
        HouseholdId withoutConsent = fixtures.household();
        Set<DataCategory> contact = Set.of(DataCategory.CONTACT);

        assertThat(gate.checkHousehold(OFFICER, consented, Purpose.COMMUNICATION, contact, false).allowed()).isTrue();
        assertThat(gate.checkHousehold(DPO, consented, Purpose.COMMUNICATION, contact, false).allowed()).isTrue();
        for (HouseholdId household : Set.of(requiredOnly, withoutConsent)) {
            PurposeGate.Decision decision = gate.checkHousehold(OFFICER, household, Purpose.COMMUNICATION, contact, false);
            assertThat(decision.allowed()).isFalse();
            assertThat(decision.reason()).isEqualTo("the household has not consented to COMMUNICATION, or withdrew it");
        }

        consents.withdraw(APPLICANT, consented, Purpose.COMMUNICATION);
        assertThat(gate.checkHousehold(OFFICER, consented, Purpose.COMMUNICATION, contact, false).allowed())
                .as("withdrawn").isFalse();

        assertThat(gate.checkHousehold(OFFICER, withoutConsent, Purpose.ELIGIBILITY_ASSESSMENT,
                EnumSet.allOf(DataCategory.class), false).allowed()).as("public task").isTrue();
        assertThat(gate.checkHousehold(actor(Role.PARTNER), withoutConsent, Purpose.IDENTITY_VERIFICATION,
                Set.of(DataCategory.IDENTITY), false).allowed()).as("public task").isTrue();
        assertThat(gate.checkHousehold(DPO, requiredOnly, Purpose.LEGAL_COMPLIANCE, EnumSet.allOf(DataCategory.class), false)
                .allowed()).as("legal obligation").isTrue();
    }

    @Test
    void anApplicantMayAlwaysReadTheirOwnHousehold() {
        HouseholdId withoutConsent = fixtures.household();

        for (Purpose purpose : Purpose.values()) {
            assertThat(gate.checkHousehold(APPLICANT, withoutConsent, purpose, EnumSet.allOf(DataCategory.class), true)
                    .allowed()).as("own household, %s", purpose).isTrue();
        }
        assertThat(gate.checkHousehold(APPLICANT, withoutConsent, Purpose.IDENTITY_VERIFICATION,
                EnumSet.allOf(DataCategory.class), false).allowed()).as("someone else's household").isFalse();
        assertThat(gate.checkHousehold(actor(Role.AUDITOR), withoutConsent, Purpose.ELIGIBILITY_ASSESSMENT,
                Set.of(DataCategory.IDENTITY), true).allowed()).as("only a data subject has a household of their own")
                .isFalse();
        assertThat(gate.checkHousehold(OFFICER, withoutConsent, Purpose.COMMUNICATION, Set.of(DataCategory.CONTACT), true)
                .allowed()).isFalse();
    }

    private static Actor actor(Role role) {
        return role == Role.APPLICANT ? APPLICANT
                : new Actor("demo-" + role.name().toLowerCase(), role, role == Role.FIELD_OFFICER ? Set.of("Lahore") : Set.of(),
                        role == Role.PARTNER ? "agreement-1" : null);
    }
}
