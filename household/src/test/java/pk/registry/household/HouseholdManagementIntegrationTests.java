package pk.registry.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import pk.registry.consent.ConsentForm;
import pk.registry.consent.ConsentManagement;
import pk.registry.consent.ConsentMethod;
import pk.registry.consent.ConsentProblem;
import pk.registry.consent.ConsentRejectedException;
import pk.registry.household.HouseholdForms.Household;
import pk.registry.household.HouseholdForms.Member;
import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.HouseholdOwnership;
import pk.registry.kernel.MobileNumber;
import pk.registry.kernel.Pakistan;
import pk.registry.kernel.Purpose;
import pk.registry.kernel.Role;
import pk.testsupport.RegistryModuleTest;
import pk.testsupport.TestClock;

/**
 * The household facade: registration (announced, idempotent, one CNIC one household, all or
 * nothing with its consent), ownership, reads by the owner, and an upload's households stored
 * in the import's transaction.
 */
@RegistryModuleTest
class HouseholdManagementIntegrationTests {

    static final Actor OFFICER = new Actor("lahore-officer", Role.FIELD_OFFICER, Set.of("Lahore"), null);

    @Autowired
    HouseholdManagement households;

    @Autowired
    HouseholdOwnership ownership;

    @Autowired
    HouseholdCorrections corrections;

    @Autowired
    ConsentManagement consents;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    TestClock clock;

    @Test
    void registeringStoresTheHouseholdAndAnnouncesItOnce(PublishedEvents events) {
        Household household = HouseholdForms.household().with(h -> h.district = "  lahore ");

        Registration registration = households.register(household.owner(), household.form(), HouseholdForms.consent(), null);

        assertThat(registration.replayed()).isFalse();
        assertThat(registration.consentReceipt()).isNotBlank();
        assertThat(jdbc.sql("SELECT district FROM household WHERE id = :id").param("id", registration.id().toString())
                .query(String.class).list()).containsExactly("Lahore");
        assertThat(events.ofType(HouseholdRegistered.class)).singleElement().satisfies(registered -> {
            assertThat(registered.household()).isEqualTo(registration.id());
            assertThat(registered.district()).isEqualTo("Lahore");
            assertThat(registered.channel()).isEqualTo(ConsentMethod.ONLINE);
        });
        Application application = households.find(household.owner(), registration.id()).orElseThrow();
        assertThat(application.household().mobile()).isEqualTo(MobileNumber.parse(household.mobile).e164());
        assertThat(application.household().members()).extracting(MemberForm::fullName)
                .containsExactly("Muhammad Aslam", "نسرین بی بی", "Ali Raza");
        assertThat(application.consents()).singleElement().satisfies(consent -> {
            assertThat(consent.policyVersion()).isEqualTo(HouseholdForms.POLICY);
            assertThat(consent.method()).isEqualTo(ConsentMethod.ONLINE);
        });
    }

    @Test
    void theSameIdempotencyKeyAndBodyReplayTheFirstRegistration(PublishedEvents events) {
        Household household = HouseholdForms.household();
        long before = householdCount();

        Registration first = households.register(household.owner(), household.form(), HouseholdForms.consent(), "key-1");
        Registration again = households.register(household.owner(), household.form(), HouseholdForms.consent(), "key-1");

        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.consentReceipt()).isEqualTo(first.consentReceipt());
        assertThat(householdCount()).isEqualTo(before + 1);
        assertThat(events.ofType(HouseholdRegistered.class)).hasSize(1);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsRefused() {
        Household household = HouseholdForms.household();
        HouseholdForm form = household.form();
        households.register(household.owner(), form, HouseholdForms.consent(), "key-2");
        long before = householdCount();

        assertThatThrownBy(() -> households.register(household.owner(), form,
                HouseholdForms.consent(Purpose.COMMUNICATION), "key-2")).isInstanceOf(IdempotencyKeyReusedException.class);
        assertThatThrownBy(() -> households.register(household.owner(), household.with(h -> h.rooms = 3).form(),
                HouseholdForms.consent(), "key-2")).isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(householdCount()).isEqualTo(before);
    }

    @Test
    void aCnicOfAnotherHouseholdKeepsTheWholeHouseholdOutAndNamesItsMembers(PublishedEvents events) {
        Household first = HouseholdForms.household();
        HouseholdId registered = register(first);
        Household second = HouseholdForms.household().with(h -> {
            h.member(1).cnic = first.member(1).cnic.replace("-", "");
            h.members.add(Member.brother().with(m -> m.cnic = first.member(0).cnic));
        });
        long before = householdCount();

        assertThatThrownBy(() -> register(second)).isInstanceOfSatisfying(CnicAlreadyRegisteredException.class,
                refused -> assertThat(refused.memberIndexes()).containsExactly(1, 3));
        assertThat(householdCount()).isEqualTo(before);
        assertThat(events.ofType(HouseholdRegistered.class)).extracting(HouseholdRegistered::household)
                .containsExactly(registered);
        assertThat(ownership.householdOf(second.owner())).isEmpty();
    }

    @Test
    void nothingIsStoredWhenTheConsentIsRefused(PublishedEvents events) {
        Household household = HouseholdForms.household();
        long before = householdCount();

        assertThatThrownBy(() -> households.register(household.owner(), household.form(),
                new ConsentForm("1999-01", List.of("IDENTITY_VERIFICATION", "ELIGIBILITY_ASSESSMENT")),
                "key-3")).isInstanceOfSatisfying(ConsentRejectedException.class, refused -> assertThat(refused.problems())
                        .extracting(ConsentProblem::field, ConsentProblem::code)
                        .containsExactly(tuple("policyVersion", "UnknownPolicyVersion")));
        assertThatThrownBy(() -> households.register(household.owner(), household.form(),
                new ConsentForm(HouseholdForms.POLICY, List.of("IDENTITY_VERIFICATION")), "key-3"))
                .isInstanceOfSatisfying(ConsentRejectedException.class, refused -> assertThat(refused.problems())
                        .extracting(ConsentProblem::field, ConsentProblem::code)
                        .containsExactly(tuple("purposes", "RequiredPurposeMissing")));

        assertThat(householdCount()).isEqualTo(before);
        assertThat(ownership.householdOf(household.owner())).isEmpty();
        assertThat(events.ofType(HouseholdRegistered.class)).isEmpty();
        Registration corrected = households.register(household.owner(), household.form(), HouseholdForms.consent(), "key-3");
        assertThat(corrected.replayed()).as("neither the key nor the CNICs were kept").isFalse();
    }

    @Test
    void theApplicantWhoSubmitsOwnsTheHouseholdNotTheOneWhoseMobileWasTypedIntoIt() {
        Household victims = HouseholdForms.household();
        HouseholdId own = register(victims);
        Actor victim = victims.owner();
        Household planted = HouseholdForms.household().with(h -> h.mobile = victims.mobile);
        Actor attacker = HouseholdForms.applicant(HouseholdForms.newMobile());

        HouseholdId plantedId = households.register(attacker, planted.form(), HouseholdForms.consent(), null).id();

        assertThat(ownership.householdOf(attacker)).hasValue(plantedId);
        assertThat(ownership.householdOf(victim)).as("the victim's household is still their own").hasValue(own);
        assertThat(households.find(victim, plantedId)).isEmpty();
        assertThat(households.find(attacker, plantedId)).isPresent();
        assertThat(ownership.householdOf(OFFICER)).as("only applicants own households").isEmpty();
    }

    @Test
    void anApplicantFindsTheirOwnApplicationAndAnotherLearnsNothingButIsAudited() {
        Household household = HouseholdForms.household();
        HouseholdId id = register(household);
        Actor stranger = HouseholdForms.applicant(HouseholdForms.newMobile());

        assertThat(households.find(household.owner(), id)).map(Application::id).hasValue(id);
        assertThat(households.find(stranger, id)).isEmpty();
        assertThat(households.find(stranger, HouseholdId.newId())).isEmpty();

        assertThat(jdbc.sql("""
                SELECT actor_role || ' ' || purpose || ' ' || outcome FROM audit_event
                WHERE household_id = :id AND action = 'HOUSEHOLD_READ' ORDER BY seq""")
                .param("id", id.toString()).query(String.class).list())
                .containsExactly("APPLICANT IDENTITY_VERIFICATION SUCCESS", "APPLICANT IDENTITY_VERIFICATION DENIED");
    }

    @Test
    void anUploadStoresEachHouseholdWhoseCnicsAreFreeWithItsConsentAndAuditEvent(PublishedEvents events) {
        Household registeredBefore = HouseholdForms.household();
        register(registeredBefore);
        Household earlierInChunk = HouseholdForms.household();
        List<Household> chunk = List.of(
                HouseholdForms.household(),
                HouseholdForms.household().with(h -> h.member(0).cnic = registeredBefore.member(0).cnic),
                earlierInChunk,
                HouseholdForms.household().with(h -> h.member(1).cnic = earlierInChunk.member(1).cnic),
                HouseholdForms.household());
        LocalDate collectedOn = Pakistan.today(clock).minusDays(3);
        List<SealedHousehold> sealed = chunk.stream().map(household -> households.seal(
                new FieldForm(household.form(), HouseholdForms.consent(), collectedOn))).toList();

        List<List<Integer>> outcomes = new TransactionTemplate(transactionManager)
                .execute(status -> households.importHouseholds(OFFICER, sealed));

        assertThat(outcomes).containsExactly(List.of(), List.of(0), List.of(), List.of(1), List.of());
        List<HouseholdId> stored = List.of(sealed.get(0).id(), sealed.get(2).id(), sealed.get(4).id());
        assertThat(events.ofType(HouseholdRegistered.class).matching(HouseholdRegistered::channel, ConsentMethod.FIELD_FORM))
                .extracting(HouseholdRegistered::household).containsExactlyElementsOf(stored);
        for (HouseholdId id : stored) {
            assertThat(exists(id)).isTrue();
            assertThat(consents.consentsOf(id)).singleElement()
                    .satisfies(consent -> assertThat(consent.method()).isEqualTo(ConsentMethod.FIELD_FORM));
            assertThat(jdbc.sql("SELECT collector FROM consent_record WHERE household_id = :id")
                    .param("id", id.toString()).query(String.class).list()).containsExactly(OFFICER.subject());
            assertThat(jdbc.sql("SELECT actor || ' ' || action || ' ' || outcome FROM audit_event WHERE household_id = :id")
                    .param("id", id.toString()).query(String.class).list())
                    .containsExactly("client:lahore-officer HOUSEHOLD_CREATED SUCCESS");
        }
        for (SealedHousehold rejected : List.of(sealed.get(1), sealed.get(3))) {
            assertThat(exists(rejected.id())).isFalse();
            assertThat(consents.consentsOf(rejected.id())).isEmpty();
        }
    }

    @Test
    void aHouseholdCollectedInPersonIsOwnedByTheMobileOnItsForm() {
        Household household = HouseholdForms.household();
        SealedHousehold sealed = households.seal(new FieldForm(household.form(), HouseholdForms.consent(),
                Pakistan.today(clock)));

        new TransactionTemplate(transactionManager).executeWithoutResult(
                status -> assertThat(households.importHouseholds(OFFICER, List.of(sealed))).containsExactly(List.of()));

        assertThat(ownership.householdOf(household.owner())).hasValue(sealed.id());
        assertThat(households.find(household.owner(), sealed.id())).isPresent();
    }

    @Test
    void aMobileOwnsOneHouseholdTheFirstAndAnotherCollectedUnderItIsStoredWithoutAnOwner() {
        Household applicants = HouseholdForms.household();
        HouseholdId own = register(applicants);
        String villagePhone = HouseholdForms.newMobile();
        List<SealedHousehold> sealed = List.of(
                HouseholdForms.household().with(h -> h.mobile = applicants.mobile),
                HouseholdForms.household().with(h -> h.mobile = villagePhone),
                HouseholdForms.household().with(h -> h.mobile = villagePhone)).stream()
                .map(household -> households.seal(new FieldForm(household.form(), HouseholdForms.consent(),
                        Pakistan.today(clock)))).toList();

        List<List<Integer>> outcomes = new TransactionTemplate(transactionManager)
                .execute(status -> households.importHouseholds(OFFICER, sealed));

        assertThat(outcomes).as("all three are stored").containsExactly(List.of(), List.of(), List.of());

        assertThat(ownership.householdOf(applicants.owner())).as("the applicant's own, not the upload's").hasValue(own);
        assertThat(households.find(applicants.owner(), sealed.get(0).id())).isEmpty();
        Actor neighbour = HouseholdForms.applicant(villagePhone);
        assertThat(ownership.householdOf(neighbour)).as("the first form under the phone").hasValue(sealed.get(1).id());
        assertThat(households.find(neighbour, sealed.get(2).id())).isEmpty();
        assertThat(sealed).allSatisfy(household -> assertThat(exists(household.id())).isTrue());
        assertThatThrownBy(() -> households.register(neighbour, HouseholdForms.household().form(),
                HouseholdForms.consent(), null)).as("nor may the phone's applicant add one")
                .isInstanceOf(HouseholdAlreadyRegisteredException.class);
        assertThat(ownership.householdOf(neighbour)).hasValue(sealed.get(1).id());
    }

    @Test
    void aCorrectedMobileTakesTheHouseholdItOwnedAlongAndTheOldNumberKeepsNoAccess() {
        Household household = HouseholdForms.household();
        HouseholdId id = register(household);
        String newNumber = HouseholdForms.newMobile();

        assertThat(corrections.apply(OFFICER, id, "mobile", newNumber).ownedOnline()).isTrue();

        assertThat(ownership.householdOf(household.owner())).isEmpty();
        assertThat(households.find(household.owner(), id)).isEmpty();
        assertThat(ownership.householdOf(HouseholdForms.applicant(newNumber))).hasValue(id);
        assertThat(households.find(HouseholdForms.applicant(newNumber), id)).isPresent();
    }

    @Test
    void aMobileCorrectedToOneThatOwnsAnotherHouseholdLeavesItWithoutAnOwner() {
        Household household = HouseholdForms.household();
        HouseholdId id = register(household);
        Household other = HouseholdForms.household();
        HouseholdId othersId = register(other);

        assertThat(corrections.apply(OFFICER, id, "mobile", other.mobile).ownedOnline())
                .as("the approver is told nobody sees it online").isFalse();

        assertThat(ownership.householdOf(household.owner())).isEmpty();
        assertThat(ownership.householdOf(other.owner())).as("still their own, and only theirs").hasValue(othersId);
        assertThat(households.find(other.owner(), id)).isEmpty();
    }

    @Test
    void aHouseholdStoredWithoutAnOwnerIsOwnedByItsOwnMobileOnceCorrectedToOne() {
        Household applicants = HouseholdForms.household();
        register(applicants);
        SealedHousehold underTheirPhone = households.seal(new FieldForm(HouseholdForms.household()
                .with(h -> h.mobile = applicants.mobile).form(), HouseholdForms.consent(), Pakistan.today(clock)));
        new TransactionTemplate(transactionManager).executeWithoutResult(
                status -> households.importHouseholds(OFFICER, List.of(underTheirPhone)));
        String ownPhone = HouseholdForms.newMobile();

        assertThat(corrections.apply(OFFICER, underTheirPhone.id(), "rooms", "3").ownedOnline()).isFalse();
        assertThat(households.find(applicants.owner(), underTheirPhone.id())).as("another field: still nobody's").isEmpty();
        assertThat(corrections.apply(OFFICER, underTheirPhone.id(), "mobile", ownPhone).ownedOnline()).isTrue();

        assertThat(ownership.householdOf(HouseholdForms.applicant(ownPhone))).hasValue(underTheirPhone.id());
        assertThat(households.find(applicants.owner(), underTheirPhone.id())).isEmpty();
    }

    @Test
    void anApplicantWhoGaveAnotherContactMobileKeepsTheirHouseholdWhenItIsCorrected() {
        Actor applicant = HouseholdForms.applicant(HouseholdForms.newMobile());
        HouseholdId id = households.register(applicant, HouseholdForms.household().form(), HouseholdForms.consent(), null)
                .id();
        String newContact = HouseholdForms.newMobile();

        assertThat(corrections.apply(OFFICER, id, "mobile", newContact).ownedOnline()).isTrue();

        assertThat(ownership.householdOf(applicant)).hasValue(id);
        assertThat(ownership.householdOf(HouseholdForms.applicant(newContact))).isEmpty();
    }

    private HouseholdId register(Household household) {
        return households.register(household.owner(), household.form(), HouseholdForms.consent(), null).id();
    }

    private long householdCount() {
        return jdbc.sql("SELECT COUNT(*) FROM household").query(Long.class).single();
    }

    private boolean exists(HouseholdId id) {
        return jdbc.sql("SELECT COUNT(*) FROM household WHERE id = :id").param("id", id.toString()).query(Long.class)
                .single() == 1;
    }
}
