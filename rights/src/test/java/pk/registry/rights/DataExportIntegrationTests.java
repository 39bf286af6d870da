package pk.registry.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import pk.registry.household.HouseholdManagement;
import pk.registry.household.HouseholdStatus;
import pk.registry.kernel.Actor;
import pk.registry.kernel.DataCategory;
import pk.registry.kernel.NoHouseholdException;
import pk.registry.kernel.Pakistan;
import pk.registry.kernel.Role;
import pk.registry.retention.ErasureRequests;
import pk.registry.retention.ErasureStatus;
import pk.registry.retention.RefusalGround;
import pk.registry.rights.Households.Registered;
import pk.registry.sharing.Disclosures;
import pk.testsupport.RegistryModuleTest;
import pk.testsupport.TestClock;
import tools.jackson.databind.json.JsonMapper;

/** The right of access: one household's export holds every section, and nothing of another household. */
@RegistryModuleTest
class DataExportIntegrationTests {

    static final Actor DPO = new Actor("dpo", Role.DPO, Set.of(), null);

    @Autowired
    DataExport export;

    @Autowired
    Corrections corrections;

    @Autowired
    Complaints complaints;

    @Autowired
    ErasureRequests erasures;

    @Autowired
    Disclosures disclosures;

    @Autowired
    HouseholdManagement households;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Test
    void theExportHoldsEverySectionOfTheHouseholdAndIsAudited() {
        Registered household = register();
        Registered neighbour = register();
        corrections.request(household.owner(), household.id(), household.district(),
                new Corrections.Request(CorrectionKind.CORRECTION, "rooms", "3", "We built a room"));
        corrections.request(household.owner(), household.id(), household.district(),
                new Corrections.Request(CorrectionKind.ANNOTATION, "dwelling", null, "The landlord is my uncle"));
        Complaint complaint = complaints.lodge(household.owner(), household.id(), "Nobody called me back");
        complaints.answer(DPO, complaint.id(), "We called on Tuesday");
        var refused = erasures.request(household.owner(), household.id());
        erasures.decide(DPO, refused.id(), new ErasureRequests.Decision(false, RefusalGround.BENEFIT_UNDER_AUDIT, "Audit 2026/17"));
        disclosures.recordLegal(DPO, new Disclosures.LegalDisclosure(household.id(), "Sessions Court Lahore",
                "Order 123/2026", EnumSet.of(DataCategory.IDENTITY), null));
        corrections.request(neighbour.owner(), neighbour.id(), neighbour.district(),
                new Corrections.Request(CorrectionKind.ANNOTATION, null, null, "The neighbour's own note"));
        complaints.lodge(neighbour.owner(), neighbour.id(), "The neighbour's own complaint");

        HouseholdExport exported = export.export(household.owner(), household.id());

        assertThat(exported.format()).isEqualTo(HouseholdExport.FORMAT);
        assertThat(exported.household()).isEqualTo(household.id());
        assertThat(exported.status()).isEqualTo(HouseholdStatus.SUBMITTED);
        assertThat(exported.application().members()).hasSize(3);
        assertThat(exported.application().address()).isEqualTo("House 12, Street 4, Model Town");
        assertThat(exported.score()).isNotNull();
        assertThat(exported.score().contributions()).isNotEmpty();
        assertThat(exported.consents()).singleElement().satisfies(consent -> assertThat(consent.receipt()).isNotBlank());
        assertThat(exported.disclosures()).singleElement()
                .satisfies(disclosure -> assertThat(disclosure.legalReference()).isEqualTo("Order 123/2026"));
        assertThat(exported.corrections()).singleElement().satisfies(correction -> {
            assertThat(correction.proposedValue()).isEqualTo("3");
            assertThat(correction.status()).isEqualTo(CorrectionStatus.PENDING);
        });
        assertThat(exported.annotations()).extracting(Correction::note).containsExactly("The landlord is my uncle");
        assertThat(exported.complaints()).singleElement()
                .satisfies(lodged -> assertThat(lodged.answer()).isEqualTo("We called on Tuesday"));
        assertThat(exported.erasureRequests()).singleElement().satisfies(request -> {
            assertThat(request.status()).isEqualTo(ErasureStatus.REFUSED);
            assertThat(request.refusalGround()).isEqualTo(RefusalGround.BENEFIT_UNDER_AUDIT);
        });

        String document = json.writeValueAsString(exported);
        assertThat(document).contains("\"annotations\"", "\"erasureRequests\"", "\"contributions\"", "\"receipt\"")
                .doesNotContain(neighbour.id().toString(), "neighbour's own", neighbour.owner().subject());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE household_id = :household AND action = 'DATA_EXPORTED'")
                .param("household", household.id().toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void onlyTheHouseholdsOwnApplicantExportsIt() {
        Registered household = register();
        Registered stranger = register();

        assertThatThrownBy(() -> export.export(stranger.owner(), household.id())).isInstanceOf(NoHouseholdException.class);
        assertThatThrownBy(() -> export.export(DPO, household.id())).isInstanceOf(IllegalArgumentException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE household_id = :household AND action = 'DATA_EXPORTED'")
                .param("household", household.id().toString()).query(Long.class).single()).isZero();
    }

    private Registered register() {
        return Households.register(households, "Lahore", Pakistan.today(clock));
    }
}
