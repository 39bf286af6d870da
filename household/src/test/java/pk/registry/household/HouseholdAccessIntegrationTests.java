package pk.registry.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import pk.registry.consent.ConsentConflictException;
import pk.registry.consent.ConsentManagement;
import pk.registry.consent.ConsentStatus;
import pk.registry.consent.PurposeDeniedException;
import pk.registry.household.HouseholdForms.Household;
import pk.registry.kernel.Actor;
import pk.registry.kernel.DataCategory;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.MobileNumber;
import pk.registry.kernel.Purpose;
import pk.registry.kernel.Role;
import pk.testsupport.RegistryModuleTest;

/**
 * Reads of one household through the purpose gate ({@link HouseholdAccess#read}): what was
 * agreed is what may happen, a withdrawal stops a use at once, aggregate-only purposes never
 * reach one household, and every read and refusal is audited, the refusal although the read fails.
 */
@RegistryModuleTest
class HouseholdAccessIntegrationTests {

    static final Actor LAHORE_OFFICER = new Actor("demo-field-officer", Role.FIELD_OFFICER, Set.of("Lahore"), null);
    static final Actor AUDITOR = new Actor("demo-auditor", Role.AUDITOR, Set.of(), null);
    static final Actor DPO = new Actor("demo-dpo", Role.DPO, Set.of(), null);

    @Autowired
    HouseholdManagement households;

    @Autowired
    HouseholdAccess access;

    @Autowired
    ConsentManagement consents;

    @Autowired
    JdbcClient jdbc;

    @Test
    void withdrawingCommunicationStopsItAtOnceButRequiredPurposesGoOn() {
        Household household = HouseholdForms.household();
        HouseholdId id = register(household, Purpose.COMMUNICATION);

        assertThat(access.read(LAHORE_OFFICER, id, Purpose.COMMUNICATION, EnumSet.of(DataCategory.CONTACT)))
                .map(HouseholdForm::mobile).hasValue(MobileNumber.parse(household.mobile).e164());

        consents.withdraw(household.owner(), id, Purpose.COMMUNICATION);

        assertThatThrownBy(() -> access.read(LAHORE_OFFICER, id, Purpose.COMMUNICATION, EnumSet.of(DataCategory.CONTACT)))
                .isInstanceOf(PurposeDeniedException.class);
        assertThat(audit(id, "purpose = 'COMMUNICATION'"))
                .containsExactly("HOUSEHOLD_READ SUCCESS", "CONSENT_WITHDRAWN SUCCESS", "HOUSEHOLD_READ DENIED");
        assertThat(consents.consentsOf(id)).singleElement().satisfies(consent -> assertThat(consent.purposes())
                .containsEntry(Purpose.COMMUNICATION, ConsentStatus.WITHDRAWN)
                .containsEntry(Purpose.ELIGIBILITY_ASSESSMENT, ConsentStatus.GIVEN)
                .containsEntry(Purpose.IDENTITY_VERIFICATION, ConsentStatus.GIVEN));

        assertThatThrownBy(() -> consents.withdraw(household.owner(), id, Purpose.ELIGIBILITY_ASSESSMENT))
                .isInstanceOf(ConsentConflictException.class).hasMessageContaining("erasure");
        assertThatThrownBy(() -> consents.withdraw(household.owner(), id, Purpose.COMMUNICATION))
                .isInstanceOf(ConsentConflictException.class);
        assertThat(access.read(LAHORE_OFFICER, id, Purpose.ELIGIBILITY_ASSESSMENT, EnumSet.of(DataCategory.SOCIO_ECONOMIC)))
                .as("required purposes go on").map(HouseholdForm::rooms).hasValue(household.rooms);
    }

    @Test
    void communicationWithoutConsentIsDenied() {
        HouseholdId id = register(HouseholdForms.household());

        assertThatThrownBy(() -> access.read(LAHORE_OFFICER, id, Purpose.COMMUNICATION, EnumSet.of(DataCategory.CONTACT)))
                .isInstanceOf(PurposeDeniedException.class).hasMessageContaining("not consented to COMMUNICATION");
        assertThat(audit(id, "action = 'HOUSEHOLD_READ'")).containsExactly("HOUSEHOLD_READ DENIED");
    }

    @Test
    void healthDataOfOneHouseholdIsNeverReadForServiceImprovement() {
        HouseholdId id = register(HouseholdForms.household(), Purpose.SERVICE_IMPROVEMENT);

        assertThatThrownBy(() -> access.read(DPO, id, Purpose.SERVICE_IMPROVEMENT, EnumSet.of(DataCategory.HEALTH)))
                .isInstanceOf(PurposeDeniedException.class).hasMessageContaining("aggregate");
        assertThatThrownBy(() -> access.read(LAHORE_OFFICER, id, Purpose.COMMUNICATION, EnumSet.of(DataCategory.HEALTH)))
                .isInstanceOf(PurposeDeniedException.class).hasMessageContaining("HEALTH");
        assertThat(access.read(AUDITOR, id, Purpose.ELIGIBILITY_ASSESSMENT, EnumSet.of(DataCategory.HEALTH)))
                .as("out of the auditor's scope altogether").isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE household_id = :id AND outcome = 'DENIED'")
                .param("id", id.toString()).query(Long.class).single()).isEqualTo(3);

        HouseholdForm health = access.read(LAHORE_OFFICER, id, Purpose.ELIGIBILITY_ASSESSMENT,
                EnumSet.of(DataCategory.HEALTH)).orElseThrow();
        assertThat(health.members().get(2).disability()).isTrue();
        assertThat(health.members().get(2).fullName()).as("nothing but the categories asked for").isNull();
        assertThat(health.mobile()).isNull();
    }

    private HouseholdId register(Household household, Purpose... optional) {
        return households.register(household.owner(), household.form(), HouseholdForms.consent(optional), null).id();
    }

    /** The household's audit events matching the condition, oldest first, as "action outcome". */
    private List<String> audit(HouseholdId id, String condition) {
        return jdbc.sql("SELECT action || ' ' || outcome FROM audit_event WHERE household_id = :id AND " + condition
                + " ORDER BY seq").param("id", id.toString()).query(String.class).list();
    }
}
