package pk.registry.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import pk.registry.household.Application;
import pk.registry.household.ClearNotesSealing;
import pk.registry.household.CorrectionConflictException;
import pk.registry.household.CorrectionRejectedException;
import pk.registry.household.HouseholdForm;
import pk.registry.household.HouseholdManagement;
import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.Pakistan;
import pk.registry.kernel.Role;
import pk.registry.rights.Households.Registered;
import pk.testsupport.AtOnce;
import pk.testsupport.RegistryModuleTest;
import pk.testsupport.TestClock;

/**
 * Corrections and annotations with the household module behind them: checked by the intake
 * rule set when asked and when approved, decided within a field officer's districts or by the
 * DPO, applied and rescored, sealed at rest.
 */
@RegistryModuleTest
class CorrectionsIntegrationTests {

    static final Actor DPO = new Actor("dpo", Role.DPO, Set.of(), null);
    static final Actor LAHORE_OFFICER = new Actor("lahore-officer", Role.FIELD_OFFICER, Set.of("lahore", "Kasur"), null);
    static final Actor MULTAN_OFFICER = new Actor("multan-officer", Role.FIELD_OFFICER, Set.of("Multan"), null);

    @Autowired
    Corrections corrections;

    @Autowired
    HouseholdManagement households;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ClearNotesSealing clearNotes;

    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anApprovedCorrectionReplacesTheValueAndRescoresTheHousehold() {
        Registered household = register("Lahore");
        Application before = application(household);

        Correction asked = corrections.request(household.owner(), household.id(), household.district(),
                correction("members[0].monthlyIncomePkr", "180000", "I have a new job at the mill"));

        assertThat(asked.status()).isEqualTo(CorrectionStatus.PENDING);
        assertThat(application(household).household().members().get(0).monthlyIncomePkr()).isEqualTo(25_000L);
        assertThat(corrections.queue(LAHORE_OFFICER, 0, 1_000)).extracting(Correction::id).contains(asked.id());

        DecidedCorrection outcome = corrections.decide(LAHORE_OFFICER, asked.id(), true, "Checked the salary slip")
                .orElseThrow();
        Correction decided = outcome.correction();

        assertThat(outcome.householdOwnedOnline()).as("its owner still sees it").isTrue();
        assertThat(decided.status()).isEqualTo(CorrectionStatus.APPROVED);
        assertThat(decided.decisionNote()).isEqualTo("Checked the salary slip");
        Application after = application(household);
        assertThat(after.household().members().get(0).monthlyIncomePkr()).isEqualTo(180_000L);
        assertThat(after.score().score()).isGreaterThan(before.score().score());
        assertThat(corrections.queue(DPO, 0, 1_000)).extracting(Correction::id).doesNotContain(asked.id());
        assertThatThrownBy(() -> corrections.decide(DPO, asked.id(), false, "again"))
                .isInstanceOf(RightsConflictException.class);
        assertThat(audited(household.id())).as("read in the officer's queue before it was decided").containsExactly(
                "CORRECTION_REQUESTED APPLICANT", "CORRECTION_READ FIELD_OFFICER", "HOUSEHOLD_CORRECTED FIELD_OFFICER",
                "CORRECTION_DECIDED FIELD_OFFICER");

        String stored = StoredBytes.of(jdbc, "correction", household.id());
        assertThat(stored).as("control: the district is stored in clear").contains("Lahore");
        for (String secret : List.of("new job at the mill", "180000", "monthlyIncomePkr", "salary slip")) {
            assertThat(stored).doesNotContain(secret).doesNotContain(StoredBytes.hex(secret));
        }
    }

    @Test
    void aDecisionNoteStoredInClearBeforeNotesWereSealedIsSealedOnceAndStillRead() {
        Registered household = register("Lahore");
        Correction asked = corrections.request(household.owner(), household.id(), household.district(),
                correction("rooms", "3", "We built a room"));
        corrections.decide(LAHORE_OFFICER, asked.id(), false, "sealed note");
        jdbc.sql("UPDATE correction SET decision_note = 'Visited Ahmed Khan', decision_note_ct = NULL WHERE id = :id")
                .param("id", asked.id().toString()).update();

        clearNotes.sealAll();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM correction WHERE decision_note IS NOT NULL").query(Long.class).single())
                .isZero();
        assertThat(StoredBytes.of(jdbc, "correction", household.id())).doesNotContain("Ahmed Khan")
                .doesNotContain(StoredBytes.hex("Ahmed Khan"));
        assertThat(corrections.of(household.id())).singleElement().extracting(Correction::decisionNote)
                .isEqualTo("Visited Ahmed Khan");
    }

    @Test
    void anApprovedMobileRefusesTheOtherPendingMobilesSoAGivenUpNumberIsNotHandedTheHouseholdBack() {
        Registered household = register("Lahore");
        Correction toNewSim = corrections.request(household.owner(), household.id(), household.district(),
                correction("mobile", "03215550009", "new SIM"));
        Correction backToOld = corrections.request(household.owner(), household.id(), household.district(),
                correction("mobile", "03215550001", "asked before the new SIM"));
        Correction income = corrections.request(household.owner(), household.id(), household.district(),
                correction("members[0].monthlyIncomePkr", "30000", "raise"));

        corrections.decide(LAHORE_OFFICER, toNewSim.id(), true, null);

        assertThat(corrections.of(household.id())).filteredOn(found -> found.id().equals(backToOld.id())).singleElement()
                .satisfies(stale -> {
                    assertThat(stale.status()).isEqualTo(CorrectionStatus.REJECTED);
                    assertThat(stale.decisionNote()).startsWith("Superseded");
                });
        assertThatThrownBy(() -> corrections.decide(LAHORE_OFFICER, backToOld.id(), true, null))
                .isInstanceOf(RightsConflictException.class);
        assertThat(corrections.queue(DPO, 0, 1_000)).extracting(Correction::id).contains(income.id())
                .doesNotContain(backToOld.id());
    }

    /**
     * Approving a new mobile moves the household to it, unless the number owns another household
     * in the registry. One that came to own another after that was looked up (a registration or
     * another approval committed in between) is caught by the unique active owner: the approval is
     * a conflict, nothing of it is kept, and approved again it decides the owner afresh. The other
     * household's owner is hidden from the look-up here, not from the key, to stand for that commit.
     */
    @Test
    void aMobileApprovedWhileItsNumberCameToOwnAnotherHouseholdIsAConflictAndCanBeApprovedAgain() {
        Registered household = register("Lahore");
        Registered other = register("Lahore");
        Correction toOthersNumber = corrections.request(household.owner(), household.id(), household.district(),
                correction("mobile", "0" + other.owner().subject().substring(3), "new SIM"));
        jdbc.sql("UPDATE household SET owner_token = NULL WHERE id = :id").param("id", other.id().toString()).update();

        assertThatThrownBy(() -> corrections.decide(LAHORE_OFFICER, toOthersNumber.id(), true, null))
                .isInstanceOf(CorrectionConflictException.class);

        assertThat(corrections.of(household.id())).singleElement()
                .satisfies(correction -> assertThat(correction.status()).isEqualTo(CorrectionStatus.PENDING));
        assertThat(application(household).household().mobile()).as("unchanged").isEqualTo(household.owner().subject());
        assertThat(audited(household.id())).containsExactly("CORRECTION_REQUESTED APPLICANT");

        jdbc.sql("UPDATE household SET owner_token = active_owner WHERE id = :id").param("id", other.id().toString()).update();
        DecidedCorrection approved = corrections.decide(LAHORE_OFFICER, toOthersNumber.id(), true, null).orElseThrow();
        assertThat(approved.correction().status()).isEqualTo(CorrectionStatus.APPROVED);
        assertThat(approved.householdOwnedOnline()).as("the officer learns nobody sees it online now").isFalse();
        assertThat(households.find(household.owner(), household.id())).as("the number given up").isEmpty();
        assertThat(households.find(other.owner(), household.id())).as("the number's own household only").isEmpty();
        assertThat(households.find(other.owner(), other.id())).isPresent();
    }

    @Test
    void aValueTheRulesRejectIsRefusedWhenAskedAndNothingIsStored() {
        Registered household = register("Lahore");

        assertThatThrownBy(() -> corrections.request(household.owner(), household.id(), household.district(),
                correction("rooms", "0", null))).isInstanceOfSatisfying(CorrectionRejectedException.class,
                        refused -> assertThat(refused.problems()).extracting(CorrectionRejectedException.Problem::field)
                                .containsExactly("rooms"));
        assertThatThrownBy(() -> corrections.request(household.owner(), household.id(), household.district(),
                correction("members[0].cnic", "35202-1234567-1", null))).isInstanceOf(CorrectionRejectedException.class);
        assertThatThrownBy(() -> corrections.request(household.owner(), household.id(), household.district(),
                correction("rooms", null, null))).isInstanceOfSatisfying(CorrectionRejectedException.class,
                        refused -> assertThat(refused.problems()).extracting(CorrectionRejectedException.Problem::field)
                                .containsExactly("proposedValue"));

        assertThat(corrections.of(household.id())).isEmpty();
    }

    /**
     * A mobile "corrected" to the number the household has would change nothing, yet its approval
     * would refuse the household's other pending corrections of the mobile: refused as it is asked,
     * however the number is written, naming neither number.
     */
    @Test
    void aCorrectionToTheValueTheHouseholdHasIsRefusedWhenAskedAndNothingIsStored() {
        Registered household = register("Lahore");
        String e164 = household.owner().subject();

        for (String same : List.of(e164, e164.substring(1), "0" + e164.substring(3), " 0" + e164.substring(3) + " ")) {
            assertThatThrownBy(() -> corrections.request(household.owner(), household.id(), household.district(),
                    correction("mobile", same, "new SIM"))).as(same)
                    .isInstanceOfSatisfying(CorrectionRejectedException.class, refused -> {
                        assertThat(refused.problems()).extracting(CorrectionRejectedException.Problem::field,
                                CorrectionRejectedException.Problem::code).containsExactly(tuple("value", "Unchanged"));
                        assertThat(refused.problems().get(0).message()).doesNotContain(e164.substring(4));
                    });
        }
        for (var same : List.of(correction("tehsil", application(household).household().tehsil(), null),
                correction("members[0].fullName", application(household).household().members().get(0).fullName(), null))) {
            assertThatThrownBy(() -> corrections.request(household.owner(), household.id(), household.district(), same))
                    .as(same.field()).isInstanceOfSatisfying(CorrectionRejectedException.class, refused -> assertThat(
                            refused.problems()).extracting(CorrectionRejectedException.Problem::code).containsExactly("Unchanged"));
        }
        assertThat(corrections.of(household.id())).isEmpty();

        assertThat(corrections.request(household.owner(), household.id(), household.district(),
                correction("mobile", Households.newMobile(), "new SIM")).status()).as("another number")
                .isEqualTo(CorrectionStatus.PENDING);
    }

    @Test
    void aValueThatNoLongerPassesTheRulesIsRefusedAtApprovalAndStaysPending() {
        Registered household = register("Lahore");
        LocalDate almostEighteen = Pakistan.today(clock).minusYears(18).plusDays(1);
        Correction asked = corrections.request(household.owner(), household.id(), household.district(),
                correction("members[2].dateOfBirth", almostEighteen.toString(), null));

        clock.advance(Duration.ofDays(2));

        assertThatThrownBy(() -> corrections.decide(DPO, asked.id(), true, null))
                .as("the son is an adult by now, and has no CNIC").isInstanceOf(CorrectionRejectedException.class);
        assertThat(corrections.of(household.id())).singleElement()
                .satisfies(correction -> assertThat(correction.status()).isEqualTo(CorrectionStatus.PENDING));
        assertThat(application(household).household().members().get(2).dateOfBirth())
                .isEqualTo(Pakistan.today(clock).minusDays(2).minusYears(9));
    }

    @Test
    void anOfficerSeesAndDecidesOnlyTheCorrectionsOfTheirDistricts() {
        Registered lahore = register("Lahore");
        Registered multan = register("Multan");
        Correction inLahore = corrections.request(lahore.owner(), lahore.id(), lahore.district(), correction("rooms", "3", null));
        Correction inMultan = corrections.request(multan.owner(), multan.id(), multan.district(), correction("rooms", "4", null));

        assertThat(corrections.queue(LAHORE_OFFICER, 0, 1_000)).extracting(Correction::id)
                .contains(inLahore.id()).doesNotContain(inMultan.id());
        assertThat(corrections.queue(MULTAN_OFFICER, 0, 1_000)).extracting(Correction::id)
                .contains(inMultan.id()).doesNotContain(inLahore.id());
        assertThat(corrections.queue(DPO, 0, 1_000)).extracting(Correction::id).contains(inLahore.id(), inMultan.id());
        assertThat(corrections.queue(lahore.owner(), 0, 1_000)).as("applicants decide nothing").isEmpty();

        assertThat(corrections.decide(LAHORE_OFFICER, inMultan.id(), true, null)).isEmpty();
        assertThat(corrections.decide(lahore.owner(), inLahore.id(), true, null)).isEmpty();
        assertThat(application(multan).household().rooms()).isEqualTo(2);
        assertThat(corrections.decide(MULTAN_OFFICER, inMultan.id(), false, "No such room").orElseThrow())
                .satisfies(rejected -> assertThat(rejected.householdOwnedOnline()).as("a rejection changes nothing").isNull())
                .extracting(DecidedCorrection::correction).extracting(Correction::status)
                .isEqualTo(CorrectionStatus.REJECTED);
        assertThat(application(multan).household().rooms()).isEqualTo(2);
    }

    @Test
    void anAnnotationIsAttachedAsWrittenWithNothingToDecide() {
        Registered household = register("Lahore");
        String note = "ہمارا گھر سیلاب میں تباہ ہو گیا تھا".repeat(30);

        Correction annotation = corrections.request(household.owner(), household.id(), household.district(),
                new Corrections.Request(CorrectionKind.ANNOTATION, "dwelling", null, note));

        assertThat(annotation.status()).isEqualTo(CorrectionStatus.ATTACHED);
        assertThat(corrections.of(household.id())).singleElement().satisfies(attached -> {
            assertThat(attached.note()).isEqualTo(note);
            assertThat(attached.field()).isEqualTo("dwelling");
        });
        assertThat(corrections.queue(DPO, 0, 1_000)).extracting(Correction::id).doesNotContain(annotation.id());
        assertThat(corrections.decide(DPO, annotation.id(), true, null)).isEmpty();
        assertThatThrownBy(() -> corrections.request(household.owner(), household.id(), household.district(),
                new Corrections.Request(CorrectionKind.ANNOTATION, null, null, " ")))
                .isInstanceOf(CorrectionRejectedException.class);
    }

    /**
     * Corrections and annotations share a quota of ten a day (the default), checked before the
     * rules: past it, even a value the rules would refuse is told to wait, and nothing is kept.
     */
    @Test
    void aHouseholdAsksAtMostTheDaysQuotaOfCorrectionsAndAnnotations() {
        Registered household = register("Lahore");
        for (int i = 1; i <= 5; i++) {
            corrections.request(household.owner(), household.id(), household.district(),
                    new Corrections.Request(CorrectionKind.ANNOTATION, "dwelling", null, "note number " + i));
            corrections.request(household.owner(), household.id(), household.district(),
                    correction("rooms", Integer.toString(i + 2), null)); // the household has 2
        }

        assertThatThrownBy(() -> corrections.request(household.owner(), household.id(), household.district(),
                correction("rooms", "8", null))).isInstanceOf(FilingQuotaExhaustedException.class);
        assertThatThrownBy(() -> corrections.request(household.owner(), household.id(), household.district(),
                correction("rooms", "0", null))).isInstanceOf(FilingQuotaExhaustedException.class);
        assertThat(corrections.of(household.id())).hasSize(10);

        clock.advance(java.time.Duration.ofDays(1));

        assertThat(corrections.request(household.owner(), household.id(), household.district(),
                correction("rooms", "7", null)).status()).isEqualTo(CorrectionStatus.PENDING);
    }

    /**
     * Approvals of one household's corrections at once apply each to the household as the others
     * left it (none is lost to a stale copy written back), and filings at once stop at the day's
     * quota like filings one after another.
     */
    @Test
    void correctionsApprovedAtOnceAreAllAppliedAndFilingsAtOnceKeepTheQuota() throws InterruptedException {
        Registered household = register("Lahore");
        List<Correction> asked = List.of(
                corrections.request(household.owner(), household.id(), household.district(), correction("rooms", "5", null)),
                corrections.request(household.owner(), household.id(), household.district(),
                        correction("electricityBillPkr", "1234", null)),
                corrections.request(household.owner(), household.id(), household.district(),
                        correction("gasBillPkr", "777", null)));

        List<CorrectionStatus> decided = AtOnce.run(asked.size(), caller -> corrections
                .decide(caller % 2 == 0 ? DPO : LAHORE_OFFICER, asked.get(caller).id(), true, null).orElseThrow()
                .correction().status());

        assertThat(decided).containsOnly(CorrectionStatus.APPROVED);
        HouseholdForm after = application(household).household();
        assertThat(List.of(after.rooms(), after.electricityBillPkr(), after.gasBillPkr())).containsExactly(5, 1234L, 777L);

        List<String> filed = AtOnce.run(12, caller -> {
            try {
                corrections.request(household.owner(), household.id(), household.district(),
                        correction("rooms", Integer.toString(6 + caller), null));
                return "filed";
            }
            catch (FilingQuotaExhaustedException refused) {
                return "refused";
            }
        });
        assertThat(filed).filteredOn("filed"::equals).as("ten a day, three filed already").hasSize(7);
        assertThat(corrections.of(household.id())).hasSize(10);
    }

    /**
     * Two new mobiles approved at once: the first moves the household and refuses the other (a
     * mobile given up must not be handed the household back); the second approval is a conflict,
     * not a 500, and the household ends with the approved number.
     */
    @Test
    void twoMobilesApprovedAtOnceEndWithOneApprovedAndTheOtherRefused() throws InterruptedException {
        Registered household = register("Lahore");
        List<String> numbers = List.of("03215550021", "03215550022");
        List<Correction> asked = numbers.stream().map(number -> corrections.request(household.owner(), household.id(),
                household.district(), correction("mobile", number, null))).toList();

        List<String> outcomes = AtOnce.run(2, caller -> {
            try {
                return corrections.decide(DPO, asked.get(caller).id(), true, null).orElseThrow().correction().status().name();
            }
            catch (RightsConflictException decidedAlready) {
                return "conflict";
            }
        });

        assertThat(outcomes).containsExactlyInAnyOrder("APPROVED", "conflict");
        String approved = numbers.get(outcomes.indexOf("APPROVED"));
        assertThat(households.find(LAHORE_OFFICER, household.id()).orElseThrow().household().mobile())
                .isEqualTo("+92" + approved.substring(1));
        assertThat(corrections.of(household.id())).extracting(Correction::status)
                .containsExactlyInAnyOrder(CorrectionStatus.APPROVED, CorrectionStatus.REJECTED);
    }

    private Registered register(String district) {
        return Households.register(households, district, Pakistan.today(clock));
    }

    private Application application(Registered household) {
        return households.find(household.owner(), household.id()).orElseThrow();
    }

    private static Corrections.Request correction(String field, String value, String note) {
        return new Corrections.Request(CorrectionKind.CORRECTION, field, value, note);
    }

    private List<String> audited(HouseholdId household) {
        return jdbc.sql("""
                SELECT action || ' ' || actor_role FROM audit_event
                WHERE household_id = :household AND action IN ('CORRECTION_REQUESTED', 'CORRECTION_READ', 'CORRECTION_DECIDED', 'HOUSEHOLD_CORRECTED')
                ORDER BY seq""").param("household", household.toString()).query(String.class).list();
    }
}
