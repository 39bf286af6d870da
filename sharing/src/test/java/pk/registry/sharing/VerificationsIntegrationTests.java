package pk.registry.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import pk.registry.household.ClearNotesSealing;
import pk.registry.household.Cnic;
import pk.registry.household.HouseholdManagement;
import pk.registry.household.HouseholdScores;
import pk.registry.household.PmtFactor;
import pk.registry.household.PmtModel;
import pk.registry.kernel.Actor;
import pk.registry.kernel.DataCategory;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.Pakistan;
import pk.registry.kernel.Purpose;
import pk.registry.kernel.Role;
import pk.registry.sharing.AgreementDrafts.Draft;
import pk.registry.sharing.HouseholdForms.Household;
import pk.testsupport.RegistryModuleTest;
import pk.testsupport.TestClock;

/**
 * Partners' questions answered by the sharing module with the household, consent and audit
 * modules behind it: eligibility by the programme's cut-off and model version, answers of the
 * agreement's fields only and of one shape whether or not the person is registered, every
 * refusal the agreement makes, the daily quota, and the disclosure log the household reads.
 */
@RegistryModuleTest
class VerificationsIntegrationTests {

    static final Actor DPO = new Actor("dpo", Role.DPO, Set.of(), null);

    static final Set<String> DEMO_FIELDS = Set.of("eligible", "scoreBand", "householdSize", "district", "maskedCnic");

    @Autowired
    Verifications verifications;

    @Autowired
    PartnerManagement partners;

    @Autowired
    Disclosures disclosures;

    @Autowired
    HouseholdManagement households;

    @Autowired
    HouseholdScores scores;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DisclosureLog disclosureLog;

    @Autowired
    Agreements agreements;

    @Autowired
    TestClock clock;

    @Autowired
    ClearNotesSealing clearLegalTexts;

    @Autowired
    PlatformTransactionManager transactionManager;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aPoorHouseholdIsEligibleAndAWellOffOneIsNot() {
        String programme = programme("30");
        Draft agreement = agreement(draft(programme));
        Household poor = HouseholdForms.poor(today());
        Household wellOff = HouseholdForms.wellOff(today());
        register(poor);
        register(wellOff);

        Map<String, Object> poorAnswer = ask(agreement, poor.member(0).cnic, programme);
        Map<String, Object> wellOffAnswer = ask(agreement, wellOff.member(1).cnic, programme);

        assertThat(poorAnswer).containsEntry("eligible", true).containsEntry("scoreBand", "0-20")
                .containsEntry("householdSize", 6).containsEntry("district", "Lahore")
                .containsEntry("maskedCnic", Cnic.parse(poor.member(0).cnic).masked());
        assertThat(wellOffAnswer).containsEntry("eligible", false).containsEntry("scoreBand", "80-100")
                .containsEntry("householdSize", 4).containsEntry("district", "Rawalpindi")
                .containsEntry("maskedCnic", Cnic.parse(wellOff.member(1).cnic).masked());
        assertThat(ask(agreement, poor.member(1).cnic, programme))
                .as("every member's CNIC answers for the same household")
                .containsEntry("eligible", true).containsEntry("householdSize", 6);
    }

    @Test
    void eligibleMeansAScoreAtOrUnderTheCutOffOfTheProgrammeAskedAbout() {
        Household poor = HouseholdForms.poor(today());
        HouseholdId id = register(poor);
        BigDecimal score = jdbc.sql("SELECT score FROM household_score WHERE household_id = :id AND model_version = :version")
                .param("id", id.toString()).param("version", AgreementDrafts.FIRST_MODEL).query(BigDecimal.class).single();
        assertThat(score).isEqualByComparingTo("12.9");
        String atScore = programme(score.toPlainString());
        String justUnder = programme(score.subtract(new BigDecimal("0.1")).toPlainString());
        Draft agreement = agreement(draft(atScore).with(d -> d.programmes.add(justUnder)));

        assertThat(ask(agreement, poor.member(0).cnic, atScore)).containsEntry("eligible", true);
        assertThat(ask(agreement, poor.member(0).cnic, justUnder)).containsEntry("eligible", false)
                .as("the band is the score's, whatever the programme").containsEntry("scoreBand", "0-20");

        partners.saveProgramme(new Programme(justUnder, "Test programme", AgreementDrafts.FIRST_MODEL, score));
        assertThat(ask(agreement, poor.member(0).cnic, justUnder))
                .as("a changed cut-off applies to the next answer").containsEntry("eligible", true);
    }

    @Test
    void theAnswerHoldsExactlyTheAgreementsFieldsThePurposeMayUseAndAnUnregisteredCnicGetsTheSameShape() {
        String programme = programme("30");
        Draft agreement = agreement(draft(programme).with(d -> {
            d.purposes = EnumSet.of(Purpose.ELIGIBILITY_ASSESSMENT, Purpose.IDENTITY_VERIFICATION);
            d.fields = EnumSet.of(AnswerField.ELIGIBLE, AnswerField.SCORE_BAND, AnswerField.DISTRICT, AnswerField.MASKED_CNIC);
        }));
        Household poor = HouseholdForms.poor(today());
        register(poor);
        String unregistered = HouseholdForms.newCnic(pk.registry.household.Gender.M);

        Map<String, Object> registeredAnswer = ask(agreement, poor.member(0).cnic, programme);
        Map<String, Object> unregisteredAnswer = ask(agreement, unregistered, programme);
        Map<String, Object> identityAnswer = ask(agreement, poor.member(0).cnic, programme, Purpose.IDENTITY_VERIFICATION);
        Map<String, Object> unregisteredIdentityAnswer = ask(agreement, unregistered, programme,
                Purpose.IDENTITY_VERIFICATION);

        assertThat(registeredAnswer.keySet()).isEqualTo(Set.of("eligible", "scoreBand", "district", "maskedCnic"));
        assertThat(registeredAnswer.keySet()).as("in the allow-list's order")
                .containsExactly("eligible", "scoreBand", "district", "maskedCnic");
        assertThat(unregisteredAnswer.keySet()).isEqualTo(registeredAnswer.keySet());
        assertThat(unregisteredAnswer).containsEntry("eligible", false).containsEntry("scoreBand", null)
                .containsEntry("district", null).containsEntry("maskedCnic", Cnic.parse(unregistered).masked());
        assertThat(identityAnswer.keySet()).as("identity verification may not use socio-economic fields")
                .isEqualTo(Set.of("district", "maskedCnic"));
        assertThat(unregisteredIdentityAnswer.keySet()).isEqualTo(identityAnswer.keySet());
        assertThat(unregisteredIdentityAnswer).containsEntry("district", null);
    }

    @Test
    void theDemoAgreementsFieldsAnswerForRegisteredAndUnregisteredCnicsAlike() {
        String programme = programme("30");
        Draft agreement = agreement(draft(programme));
        Household poor = HouseholdForms.poor(today());
        register(poor);
        String unregistered = HouseholdForms.newCnic(pk.registry.household.Gender.F);

        Map<String, Object> registeredAnswer = ask(agreement, poor.member(1).cnic, programme);
        Map<String, Object> unregisteredAnswer = ask(agreement, unregistered, programme);

        assertThat(registeredAnswer.keySet()).isEqualTo(DEMO_FIELDS).doesNotContain("registered");
        assertThat(unregisteredAnswer.keySet()).isEqualTo(DEMO_FIELDS);
        assertThat(unregisteredAnswer).containsEntry("eligible", false).containsEntry("scoreBand", null)
                .containsEntry("householdSize", null).containsEntry("district", null)
                .containsEntry("maskedCnic", Cnic.parse(unregistered).masked());
    }

    @Test
    void whetherAPersonIsRegisteredIsToldOnlyUnderAnAgreementThatListsIt() {
        String programme = programme("30");
        Draft without = agreement(draft(programme));
        Draft with = agreement(draft(programme).with(d -> d.fields = EnumSet.of(AnswerField.ELIGIBLE, AnswerField.REGISTERED)));
        Household poor = HouseholdForms.poor(today());
        register(poor);
        String unregistered = HouseholdForms.newCnic(pk.registry.household.Gender.M);

        assertThat(ask(without, poor.member(0).cnic, programme)).doesNotContainKey("registered");
        assertThat(ask(without, unregistered, programme)).doesNotContainKey("registered");
        assertThat(ask(with, poor.member(0).cnic, programme)).containsOnlyKeys("eligible", "registered")
                .containsEntry("registered", true).containsEntry("eligible", true);
        assertThat(ask(with, unregistered, programme)).containsOnlyKeys("eligible", "registered")
                .containsEntry("registered", false).containsEntry("eligible", false);
    }

    @Test
    void noAnswerAndNoLogRowRepeatsACnicANameAnAddressOrAMobile() {
        String programme = programme("30");
        Draft agreement = agreement(draft(programme).with(d -> d.fields = EnumSet.allOf(AnswerField.class)));
        Household poor = HouseholdForms.poor(today());
        Household wellOff = HouseholdForms.wellOff(today());
        register(poor);
        register(wellOff);
        List<String> personal = new ArrayList<>(poor.personalData());
        personal.addAll(wellOff.personalData());
        String unregistered = HouseholdForms.newCnic(pk.registry.household.Gender.M);
        personal.add(unregistered.replace("-", ""));
        personal.add(unregistered.substring(6, 13));

        List<Answer> answers = new ArrayList<>();
        for (String cnic : List.of(poor.member(0).cnic, poor.member(1).cnic.replace("-", ""), wellOff.member(0).cnic,
                unregistered)) {
            answers.add(verifications.verify(agreement.partner(), query(cnic, programme, Purpose.ELIGIBILITY_ASSESSMENT),
                    Channel.API, "request-" + UUID.randomUUID()));
        }

        for (Answer answer : answers) {
            assertThat(answer.byName().keySet()).hasSize(AnswerField.values().length);
            for (Object value : answer.byName().values()) {
                String text = String.valueOf(value);
                assertThat(personal).noneSatisfy(data -> assertThat(text).contains(data));
            }
            String row = jdbc.sql("""
                    SELECT agency || '|' || programme || '|' || purpose || '|' || fields || '|' || outcome
                    FROM disclosure WHERE id = :id""")
                    .param("id", answer.disclosure().toString()).query(String.class).single();
            assertThat(personal).noneSatisfy(data -> assertThat(row).contains(data));
        }
    }

    @Test
    void aProgrammeOrAPurposeOutsideTheAgreementIsRefusedAndNothingIsLogged() {
        String programme = programme("30");
        String other = programme("30");
        // Stored as an agreement saved before the rules refused a purpose partners may never use.
        Draft agreement = draft(programme).with(d -> d.purposes = EnumSet.of(Purpose.ELIGIBILITY_ASSESSMENT,
                Purpose.LEGAL_COMPLIANCE));
        assertThat(agreements.save(agreement.agreement(), clock.instant())).isTrue();
        Household poor = HouseholdForms.poor(today());
        register(poor);
        long logged = logged(agreement);

        assertRefused(agreement.partner(), poor.member(0).cnic, other, Purpose.ELIGIBILITY_ASSESSMENT, "programme");
        assertRefused(agreement.partner(), poor.member(0).cnic, "NO_SUCH_PROGRAMME", Purpose.ELIGIBILITY_ASSESSMENT,
                "programme");
        assertRefused(agreement.partner(), poor.member(0).cnic, programme, Purpose.IDENTITY_VERIFICATION, "purpose");
        assertRefused(agreement.partner(), poor.member(0).cnic, programme, Purpose.COMMUNICATION, "purpose");
        // The agreement names it, but a partner's role may not pursue it: the purpose gate refuses.
        assertThatThrownBy(() -> verifications.verify(agreement.partner(),
                query(poor.member(0).cnic, programme, Purpose.LEGAL_COMPLIANCE), Channel.API, null))
                .isInstanceOf(AgreementRefusedException.class);

        assertThat(logged(agreement)).isEqualTo(logged);
        assertThat(ask(agreement, poor.member(0).cnic, programme)).containsEntry("eligible", true);
    }

    @Test
    void anAgreementOutOfItsDatesSuspendedOrOfAForeignAgencyWithoutApprovalAnswersNothing() {
        String programme = programme("30");
        LocalDate today = today();
        Household poor = HouseholdForms.poor(today);
        register(poor);
        Draft expired = agreement(draft(programme).with(d -> {
            d.validFrom = today.minusYears(2);
            d.validUntil = today.minusDays(1);
        }));
        Draft notYet = agreement(draft(programme).with(d -> d.validFrom = today.plusDays(1)));
        Draft suspended = agreement(draft(programme).with(d -> d.status = AgreementStatus.SUSPENDED));
        Draft foreign = agreement(draft(programme).with(d -> d.jurisdiction = "AE"));
        Draft approved = agreement(draft(programme).with(d -> {
            d.jurisdiction = "AE";
            d.transferApproval = new Agreement.TransferApproval("PDPA-TA-2025-007", today.minusDays(10));
        }));

        assertRefused(expired.partner(), poor.member(0).cnic, programme, Purpose.ELIGIBILITY_ASSESSMENT, "expired");
        assertRefused(notYet.partner(), poor.member(0).cnic, programme, Purpose.ELIGIBILITY_ASSESSMENT, "not in force");
        assertRefused(suspended.partner(), poor.member(0).cnic, programme, Purpose.ELIGIBILITY_ASSESSMENT, "suspended");
        assertRefused(foreign.partner(), poor.member(0).cnic, programme, Purpose.ELIGIBILITY_ASSESSMENT, "transfer");
        assertThatThrownBy(() -> verifications.agreementOf(foreign.partner())).isInstanceOf(AgreementRefusedException.class);
        for (Draft refused : List.of(expired, notYet, suspended, foreign)) {
            assertThat(logged(refused)).as(refused.id.value()).isZero();
        }

        assertThat(ask(approved, poor.member(0).cnic, programme)).containsEntry("eligible", true);
        assertThat(verifications.agreementOf(approved.partner()).id()).isEqualTo(approved.id);
    }

    @Test
    void anAgreementIsInForceOnItsLastDayAndRefusedTheDayAfter() {
        String programme = programme("30");
        Household poor = HouseholdForms.poor(today());
        register(poor);
        Draft agreement = agreement(draft(programme).with(d -> d.validUntil = today().plusDays(1)));
        assertThat(ask(agreement, poor.member(0).cnic, programme)).containsEntry("eligible", true);

        clock.advance(Duration.ofDays(1));
        assertThat(ask(agreement, poor.member(0).cnic, programme)).as("its last day").containsEntry("eligible", true);

        clock.advance(Duration.ofDays(1));
        assertRefused(agreement.partner(), poor.member(0).cnic, programme, Purpose.ELIGIBILITY_ASSESSMENT, "expired");
    }

    @Test
    void suspendingAnAgreementRefusesItsNextQuestionAndReactivatingItAnswersAgain() {
        String programme = programme("30");
        Household poor = HouseholdForms.poor(today());
        register(poor);
        Draft agreement = agreement(draft(programme));
        assertThat(ask(agreement, poor.member(0).cnic, programme)).containsEntry("eligible", true);

        partners.saveAgreement(agreement.with(d -> d.status = AgreementStatus.SUSPENDED).agreement());
        assertRefused(agreement.partner(), poor.member(0).cnic, programme, Purpose.ELIGIBILITY_ASSESSMENT, "suspended");

        partners.saveAgreement(agreement.with(d -> d.status = AgreementStatus.ACTIVE).agreement());
        assertThat(ask(agreement, poor.member(0).cnic, programme)).containsEntry("eligible", true);
    }

    @Test
    void aCallerBoundToNoUsableAgreementIsRefused() {
        String programme = programme("30");
        Household poor = HouseholdForms.poor(today());
        register(poor);
        Draft agreement = agreement(draft(programme));
        VerificationQuery query = query(poor.member(0).cnic, programme, Purpose.ELIGIBILITY_ASSESSMENT);

        for (Actor caller : List.of(new Actor("client-x", Role.PARTNER, Set.of(), null),
                new Actor("client-x", Role.PARTNER, Set.of(), "no-such-agreement"),
                new Actor("officer", Role.FIELD_OFFICER, Set.of("Lahore"), agreement.id.value()),
                new Actor("admin", Role.ADMIN, Set.of(), agreement.id.value()))) {
            assertThatThrownBy(() -> verifications.verify(caller, query, Channel.API, null))
                    .as(caller.role() + " " + caller.agreementId()).isInstanceOf(AgreementRefusedException.class);
        }
        assertThat(logged(agreement)).isZero();
    }

    @Test
    void theDailyQuotaCountsAnswersAndThenSaysWhenToRetry() {
        String programme = programme("30");
        String other = programme("30");
        Household poor = HouseholdForms.poor(today());
        register(poor);
        Draft agreement = agreement(draft(programme).with(d -> d.dailyQuota = 3));
        Draft neighbour = agreement(draft(programme).with(d -> d.dailyQuota = 3));
        String unregistered = HouseholdForms.newCnic(pk.registry.household.Gender.M);

        assertRefused(agreement.partner(), poor.member(0).cnic, other, Purpose.ELIGIBILITY_ASSESSMENT, "programme");
        assertRefused(agreement.partner(), poor.member(0).cnic, programme, Purpose.IDENTITY_VERIFICATION, "purpose");
        ask(agreement, poor.member(0).cnic, programme);
        ask(agreement, unregistered, programme);
        ask(agreement, poor.member(1).cnic, programme);
        long logged = logged(agreement);

        assertThatThrownBy(() -> ask(agreement, poor.member(0).cnic, programme))
                .isInstanceOfSatisfying(QuotaExceededException.class, exceeded -> assertThat(exceeded.retryAfter())
                        .isPositive().isLessThanOrEqualTo(Duration.ofDays(1)));
        assertThatThrownBy(() -> ask(agreement, unregistered, programme)).isInstanceOf(QuotaExceededException.class);
        assertThat(logged(agreement)).as("nothing was disclosed over the quota").isEqualTo(logged).isEqualTo(3);
        assertThat(ask(neighbour, poor.member(0).cnic, programme))
                .as("each agreement has its own quota").containsEntry("eligible", true);
    }

    @Test
    void everyAnswerIsOneRowOfTheDisclosureLog() {
        String programme = programme("30");
        Draft agreement = agreement(draft(programme).with(d -> d.agency = "Benazir programme office"));
        Household poor = HouseholdForms.poor(today());
        HouseholdId id = register(poor);
        String unregistered = HouseholdForms.newCnic(pk.registry.household.Gender.M);

        // a partner that puts the person's CNIC into its own request id
        String requestId = poor.member(0).cnic;
        Answer registered = verifications.verify(agreement.partner(),
                query(poor.member(0).cnic, programme, Purpose.ELIGIBILITY_ASSESSMENT), Channel.API, requestId);
        Answer notRegistered = verifications.verify(agreement.partner(),
                query(unregistered, programme, Purpose.ELIGIBILITY_ASSESSMENT), Channel.DCI_SYNC, null);

        assertThat(logged(agreement)).isEqualTo(2);
        assertThat(row(registered.disclosure())).containsExactly(id.toString(), true, "API",
                agreement.id.value(), "Benazir programme office", programme, "ELIGIBILITY_ASSESSMENT",
                "eligible,scoreBand,householdSize,district,maskedCnic", "ANSWERED",
                disclosureLog.requestToken(agreement.id, requestId), null);
        assertThat(disclosureLog.requestToken(agreement.id, requestId)).as("kept as a keyed token, never as sent")
                .doesNotContain(requestId).doesNotContain(requestId.replace("-", "")).hasSize(64)
                .isNotEqualTo(disclosureLog.requestToken(AgreementId.of("another-agreement"), requestId));
        assertThat(row(notRegistered.disclosure())).containsExactly(null, true, "DCI_SYNC",
                agreement.id.value(), "Benazir programme office", programme, "ELIGIBILITY_ASSESSMENT",
                "eligible,scoreBand,householdSize,district,maskedCnic", "NOT_REGISTERED", null, null);
    }

    @Test
    void aHouseholdSeesItsOwnDisclosuresAndNoOtherHouseholds() {
        String programme = programme("30");
        Draft agreement = agreement(draft(programme).with(d -> {
            d.agency = "Scholarship office";
            d.purposes = EnumSet.of(Purpose.ELIGIBILITY_ASSESSMENT, Purpose.IDENTITY_VERIFICATION);
        }));
        Household poor = HouseholdForms.poor(today());
        Household wellOff = HouseholdForms.wellOff(today());
        HouseholdId poorId = register(poor);
        HouseholdId wellOffId = register(wellOff);
        assertThat(disclosures.of(poor.owner(), poorId)).isEmpty();

        Answer first = verifications.verify(agreement.partner(),
                query(poor.member(0).cnic, programme, Purpose.ELIGIBILITY_ASSESSMENT), Channel.API, "req-a");
        clock.advance(Duration.ofMinutes(1));
        Answer second = verifications.verify(agreement.partner(),
                query(poor.member(1).cnic, programme, Purpose.IDENTITY_VERIFICATION), Channel.API, "req-b");
        ask(agreement, HouseholdForms.newCnic(pk.registry.household.Gender.M), programme);
        clock.advance(Duration.ofSeconds(1));

        List<Disclosure> seen = disclosures.of(poor.owner(), poorId);
        assertThat(seen).extracting(Disclosure::id).as("newest first").containsExactly(second.disclosure(), first.disclosure());
        assertThat(seen.get(1)).satisfies(disclosure -> {
            assertThat(disclosure.agency()).isEqualTo("Scholarship office");
            assertThat(disclosure.programme()).isEqualTo(programme);
            assertThat(disclosure.purpose()).isEqualTo(Purpose.ELIGIBILITY_ASSESSMENT);
            assertThat(disclosure.fields()).containsExactly("eligible", "scoreBand", "householdSize", "district", "maskedCnic");
            assertThat(disclosure.channel()).isEqualTo(Channel.API);
            assertThat(disclosure.outcome()).isEqualTo(DisclosureOutcome.ANSWERED);
            assertThat(disclosure.legalReference()).isNull();
        });
        assertThat(seen.get(0).purpose()).isEqualTo(Purpose.IDENTITY_VERIFICATION);
        assertThat(seen.get(0).fields()).containsExactly("district", "maskedCnic");
        assertThat(disclosures.of(wellOff.owner(), wellOffId)).isEmpty();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM audit_event WHERE household_id = :id AND action = 'DISCLOSURES_READ'""")
                .param("id", poorId.toString()).query(Long.class).single()).as("each read is audited").isEqualTo(2);
    }

    @Test
    void aLegalDisclosureIsHiddenFromTheHouseholdUntilTheDayTheCourtAllows() {
        Household poor = HouseholdForms.poor(today());
        HouseholdId id = register(poor);
        LocalDate notBefore = today().plusDays(2);

        boolean recorded = disclosures.recordLegal(DPO, new Disclosures.LegalDisclosure(id, "Federal Investigation Agency",
                "Order 123/2025, Sessions Court Lahore", EnumSet.of(DataCategory.SOCIO_ECONOMIC, DataCategory.CONTACT),
                notBefore));

        assertThat(recorded).isTrue();
        assertThat(disclosures.of(poor.owner(), id)).isEmpty();
        Instant allowed = notBefore.atStartOfDay(Pakistan.ZONE).toInstant();
        clock.advance(Duration.between(clock.instant(), allowed).minusSeconds(1));
        assertThat(disclosures.of(poor.owner(), id)).as("a second before the day").isEmpty();

        clock.advance(Duration.ofSeconds(1));
        assertThat(disclosures.of(poor.owner(), id)).singleElement().satisfies(disclosure -> {
            assertThat(disclosure.agency()).isEqualTo("Federal Investigation Agency");
            assertThat(disclosure.legalReference()).isEqualTo("Order 123/2025, Sessions Court Lahore");
            assertThat(disclosure.purpose()).isEqualTo(Purpose.LEGAL_COMPLIANCE);
            assertThat(disclosure.channel()).isEqualTo(Channel.LEGAL);
            assertThat(disclosure.outcome()).isEqualTo(DisclosureOutcome.LEGAL);
            assertThat(disclosure.programme()).isNull();
            assertThat(disclosure.fields()).containsExactlyInAnyOrder("CONTACT", "SOCIO_ECONOMIC");
        });
    }

    @Test
    void aLegalDisclosureWithoutADayOrWithAPastOneIsVisibleAtOnce() {
        Household poor = HouseholdForms.poor(today());
        HouseholdId id = register(poor);

        assertThat(disclosures.recordLegal(DPO, new Disclosures.LegalDisclosure(id, "Rescue 1122", "Danger to life",
                EnumSet.of(DataCategory.CONTACT), null))).isTrue();
        assertThat(disclosures.recordLegal(DPO, new Disclosures.LegalDisclosure(id, "Police", "FIR 45/2024",
                EnumSet.of(DataCategory.IDENTITY), today().minusDays(30)))).isTrue();
        clock.advance(Duration.ofSeconds(1));

        assertThat(disclosures.of(poor.owner(), id)).extracting(Disclosure::agency)
                .containsExactlyInAnyOrder("Rescue 1122", "Police");
    }

    /** A case title may name a person, and the log outlives the household: the DPO's texts are sealed under its key. */
    @Test
    void aLegalDisclosuresAuthorityAndReferenceAreSealedAndThoseStoredInClearBeforeAreSealedOnce() {
        Household poor = HouseholdForms.poor(today());
        HouseholdId id = register(poor);
        disclosures.recordLegal(DPO, new Disclosures.LegalDisclosure(id, "Sessions Court Multan", "State v. Ahmed Khan",
                EnumSet.of(DataCategory.IDENTITY), null));
        jdbc.sql("""
                INSERT INTO disclosure (id, household_id, disclosed_at, visible_from, channel, agency, purpose, fields,
                                        outcome, legal_reference)
                VALUES (:id, :household, :at, :at, 'LEGAL', 'Anti-Corruption Lahore', 'LEGAL_COMPLIANCE', 'IDENTITY',
                        'LEGAL', 'State v. Bilal Shah')""")
                .param("id", UUID.randomUUID().toString()).param("household", id.toString())
                .param("at", java.sql.Timestamp.from(clock.instant())).update();
        String before = storedDisclosures(id);
        assertThat(before).as("control: the clear copy is found").contains("Bilal Shah");

        clearLegalTexts.sealAll();

        String stored = storedDisclosures(id);
        for (String text : List.of("Sessions Court", "Ahmed Khan", "Anti-Corruption", "Bilal Shah")) {
            assertThat(stored).doesNotContain(text).doesNotContain(HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8)));
        }
        clock.advance(Duration.ofSeconds(1));
        assertThat(disclosures.of(poor.owner(), id)).extracting(Disclosure::agency, Disclosure::legalReference)
                .containsExactlyInAnyOrder(tuple("Anti-Corruption Lahore", "State v. Bilal Shah"),
                        tuple("Sessions Court Multan", "State v. Ahmed Khan"));
    }

    @Test
    void aLegalDisclosureAboutAnUnknownHouseholdOrByAnyoneButTheDpoIsNotRecorded() {
        long before = jdbc.sql("SELECT COUNT(*) FROM disclosure WHERE channel = 'LEGAL'").query(Long.class).single();
        HouseholdId unknown = HouseholdId.newId();

        assertThat(disclosures.recordLegal(DPO, new Disclosures.LegalDisclosure(unknown, "Police", "FIR 1/2025",
                EnumSet.of(DataCategory.IDENTITY), null))).isFalse();
        Household poor = HouseholdForms.poor(today());
        HouseholdId id = register(poor);
        Actor admin = new Actor("admin", Role.ADMIN, Set.of(), null);
        assertThatThrownBy(() -> disclosures.recordLegal(admin, new Disclosures.LegalDisclosure(id, "Police",
                "FIR 1/2025", EnumSet.of(DataCategory.IDENTITY), null))).isInstanceOf(IllegalArgumentException.class);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM disclosure WHERE channel = 'LEGAL'").query(Long.class).single())
                .isEqualTo(before);
        assertThat(disclosures.of(poor.owner(), id)).isEmpty();
    }

    /** The household's disclosure rows as stored: text columns as they are, sealed ones as UTF-8 and hex. */
    private String storedDisclosures(HouseholdId household) {
        return jdbc.sql("SELECT agency, legal_reference, legal_ct FROM disclosure WHERE household_id = :household")
                .param("household", household.toString()).query((rs, row) -> {
                    byte[] sealed = rs.getBytes(3);
                    return rs.getString(1) + " " + rs.getString(2) + " " + (sealed == null ? ""
                            : new String(sealed, StandardCharsets.UTF_8) + HexFormat.of().formatHex(sealed));
                }).list().toString();
    }

    /** Activates another model version, so the context is not reused. */
    @Test
    @DirtiesContext
    void aProgrammeKeepsAnsweringWithTheScoresOfItsOwnModelVersion() {
        Household poor = HouseholdForms.poor(today());
        register(poor);
        String onFirst = programme("30");
        scores.publish(new PmtModel("test-model-b", new BigDecimal("50"), Map.of(PmtFactor.HOUSEHOLD_SIZE, new BigDecimal("-1"))));
        String onSecond = newProgramme("test-model-b", "30");
        Draft agreement = agreement(draft(onFirst).with(d -> d.programmes.add(onSecond)));

        assertThat(ask(agreement, poor.member(0).cnic, onSecond)).as("not stored under the version yet: scored on the spot")
                .containsEntry("eligible", false).containsEntry("scoreBand", "40-60").containsEntry("householdSize", 6);

        scores.activate("test-model-b");
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> scores.store(
                scores.prepare("test-model-b", null, 10_000), "test-model-b"));

        assertThat(ask(agreement, poor.member(0).cnic, onFirst)).as("still the first model's 12.9")
                .containsEntry("eligible", true).containsEntry("scoreBand", "0-20");
        assertThat(ask(agreement, poor.member(0).cnic, onSecond)).as("the second model's 50 - 6 = 44")
                .containsEntry("eligible", false).containsEntry("scoreBand", "40-60");
    }

    private Map<String, Object> ask(Draft agreement, String cnic, String programme) {
        return ask(agreement, cnic, programme, Purpose.ELIGIBILITY_ASSESSMENT);
    }

    private Map<String, Object> ask(Draft agreement, String cnic, String programme, Purpose purpose) {
        return verifications.verify(agreement.partner(), query(cnic, programme, purpose), Channel.API, null).byName();
    }

    private void assertRefused(Actor partner, String cnic, String programme, Purpose purpose, String reason) {
        assertThatThrownBy(() -> verifications.verify(partner, query(cnic, programme, purpose), Channel.API, null))
                .isInstanceOf(AgreementRefusedException.class).hasMessageContaining(reason)
                .satisfies(refused -> assertThat(refused.getMessage()).doesNotContain(cnic)
                        .doesNotContain(cnic.replace("-", "")));
    }

    private static VerificationQuery query(String cnic, String programme, Purpose purpose) {
        return new VerificationQuery(Cnic.parse(cnic), programme, purpose);
    }

    private String programme(String cutoff) {
        return newProgramme(AgreementDrafts.FIRST_MODEL, cutoff);
    }

    private String newProgramme(String modelVersion, String cutoff) {
        String code = AgreementDrafts.newProgrammeCode();
        assertThat(partners.saveProgramme(new Programme(code, "Test programme", modelVersion, new BigDecimal(cutoff)))).isTrue();
        return code;
    }

    private Draft draft(String programme) {
        return AgreementDrafts.draft(programme, today());
    }

    private Draft agreement(Draft draft) {
        assertThat(partners.saveAgreement(draft.agreement())).isTrue();
        return draft;
    }

    private HouseholdId register(Household household) {
        return households.register(household.owner(), household.form(), HouseholdForms.consent(), null).id();
    }

    private long logged(Draft agreement) {
        return jdbc.sql("SELECT COUNT(*) FROM disclosure WHERE agreement_id = :id").param("id", agreement.id.value())
                .query(Long.class).single();
    }

    /**
     * household, whether it was disclosed now and visible at once, channel, agreement, agency,
     * programme, purpose, fields, outcome, request, legal reference
     */
    private List<Object> row(UUID disclosure) {
        return jdbc.sql("""
                SELECT household_id, disclosed_at, visible_from, channel, agreement_id, agency, programme, purpose, fields,
                       outcome, request_id, legal_reference
                FROM disclosure WHERE id = :id""").param("id", disclosure.toString())
                .query((rs, n) -> {
                    List<Object> values = new ArrayList<>();
                    values.add(rs.getString(1));
                    Instant disclosedAt = rs.getTimestamp(2).toInstant();
                    values.add(Duration.between(disclosedAt, clock.instant()).abs().toMillis() < 1
                            && disclosedAt.equals(rs.getTimestamp(3).toInstant()));
                    for (int column = 4; column <= 12; column++) {
                        values.add(rs.getString(column));
                    }
                    return values;
                }).single();
    }

    private LocalDate today() {
        return Pakistan.today(clock);
    }
}
