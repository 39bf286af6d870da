package pk.registry.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static pk.registry.consent.ConsentFixtures.APPLICANT;
import static pk.registry.consent.ConsentFixtures.consent;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.PublishedEvents;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.Purpose;
import pk.registry.keys.RegistryKeyring;
import pk.testsupport.AtOnce;
import pk.testsupport.RegistryModuleTest;
import pk.testsupport.TestClock;

/**
 * Consent given with a household: only valid consent is recorded, records are frozen and
 * listed oldest first, the latest one governs, optional purposes can be withdrawn (audited and
 * announced) and required ones cannot, and re-consent adds a record with a receipt the
 * service signs.
 */
@RegistryModuleTest
@Import(ConsentFixtures.class)
class ConsentManagementIntegrationTests {

    @Autowired
    ConsentManagement consents;

    @Autowired
    ConsentFixtures fixtures;

    @Autowired
    RegistryKeyring keyring;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aConsentUnderAnUnknownVersionIsRefusedAndNothingOfTheBatchIsRecorded() {
        HouseholdId valid = fixtures.household();
        HouseholdId unknownVersion = fixtures.household();

        assertThatThrownBy(() -> fixtures.give(fixtures.given(valid, consent()), fixtures.given(unknownVersion,
                new ConsentForm("1999-01", consent().purposes()))))
                .isInstanceOfSatisfying(ConsentRejectedException.class, refused -> assertThat(refused.problems())
                        .extracting(ConsentProblem::field, ConsentProblem::code)
                        .containsExactly(tuple("policyVersion", "UnknownPolicyVersion")));

        assertThat(consents.consentsOf(valid)).isEmpty();
        assertThat(consents.consentsOf(unknownVersion)).isEmpty();
    }

    @Test
    void aConsentWithoutEveryRequiredPurposeIsRefused() {
        HouseholdId household = fixtures.household();
        ConsentForm withoutEligibility = new ConsentForm(ConsentFixtures.POLICY,
                List.of(Purpose.IDENTITY_VERIFICATION.name(), Purpose.COMMUNICATION.name()));

        assertThatThrownBy(() -> fixtures.give(fixtures.given(household, withoutEligibility)))
                .isInstanceOfSatisfying(ConsentRejectedException.class, refused -> assertThat(refused.problems())
                        .singleElement().satisfies(problem -> {
                            assertThat(problem.field()).isEqualTo("purposes");
                            assertThat(problem.code()).isEqualTo("RequiredPurposeMissing");
                            assertThat(problem.message()).contains("ELIGIBILITY_ASSESSMENT");
                        }));

        assertThat(consents.consentsOf(household)).isEmpty();
        assertThat(consents.latest(household)).isEmpty();
    }

    @Test
    void recordsAreListedOldestFirstWhateverTheOrderTheyWereRecordedIn() {
        HouseholdId household = fixtures.household();
        fixtures.give(fixtures.given(household, consent(Purpose.COMMUNICATION)));
        clock.advance(Duration.ofDays(-1));
        fixtures.give(fixtures.given(household, consent()));

        List<ConsentRecord> records = consents.consentsOf(household);

        assertThat(records).hasSize(2);
        assertThat(records.get(0).givenAt()).isBefore(records.get(1).givenAt());
        assertThat(records.get(0).purposes()).doesNotContainKey(Purpose.COMMUNICATION);
        assertThat(records.get(1).purposes()).containsKey(Purpose.COMMUNICATION);
        assertThat(consents.latest(household)).hasValue(records.get(1));
    }

    @Test
    void withdrawingCommunicationIsRecordedAuditedAndAnnounced(PublishedEvents events) {
        HouseholdId household = fixtures.householdWithConsent(Purpose.COMMUNICATION);
        clock.advance(Duration.ofMinutes(5));

        consents.withdraw(APPLICANT, household, Purpose.COMMUNICATION);

        assertThat(consents.consentsOf(household)).singleElement().satisfies(record -> assertThat(record.purposes())
                .containsExactlyInAnyOrderEntriesOf(Map.of(Purpose.IDENTITY_VERIFICATION, ConsentStatus.GIVEN,
                        Purpose.ELIGIBILITY_ASSESSMENT, ConsentStatus.GIVEN, Purpose.COMMUNICATION, ConsentStatus.WITHDRAWN)));
        assertThat(consents.isActive(household, Purpose.COMMUNICATION)).isFalse();
        assertThat(consents.isActive(household, Purpose.ELIGIBILITY_ASSESSMENT)).isTrue();
        assertThat(events.ofType(ConsentWithdrawn.class)).singleElement()
                .isEqualTo(new ConsentWithdrawn(household, Purpose.COMMUNICATION, clock.instant()));
        assertThat(fixtures.audit(household)).containsExactly("CONSENT_WITHDRAWN COMMUNICATION SUCCESS");
        assertThat(jdbc.sql("SELECT actor_role || ' ' || actor FROM audit_event WHERE household_id = :id")
                .param("id", household.toString()).query(String.class).single())
                .as("the applicant is pseudonymous").startsWith("APPLICANT applicant:").doesNotContain("3001234567");
    }

    /** Three withdrawals at once (a double click): one is recorded and audited, the others are told it is not active. */
    @Test
    void aWithdrawalAskedForSeveralTimesAtOnceIsRecordedOnce() throws Exception {
        HouseholdId household = fixtures.householdWithConsent(Purpose.COMMUNICATION);

        List<String> outcomes = AtOnce.run(3, caller -> {
            try {
                consents.withdraw(APPLICANT, household, Purpose.COMMUNICATION);
                return "withdrawn";
            }
            catch (ConsentConflictException notActive) {
                return "conflict";
            }
        });

        assertThat(outcomes).containsOnlyOnce("withdrawn").containsOnly("withdrawn", "conflict");
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM consent_status s JOIN consent_record r ON r.id = s.consent_id
                WHERE r.household_id = :id AND s.status = 'WITHDRAWN'""").param("id", household.toString())
                .query(Long.class).single()).isOne();
        assertThat(fixtures.audit(household)).containsExactly("CONSENT_WITHDRAWN COMMUNICATION SUCCESS");
    }

    @Test
    void aReceiptStatesTheConsentAsGivenAndDoesNotChangeWithAWithdrawal() {
        HouseholdId household = fixtures.householdWithConsent(Purpose.COMMUNICATION);
        String given = consents.registrationReceipt(household);

        consents.withdraw(APPLICANT, household, Purpose.COMMUNICATION);

        assertThat(consents.registrationReceipt(household)).isEqualTo(given);
    }

    @Test
    void requiredPurposesAndPurposesNotActiveCannotBeWithdrawn(PublishedEvents events) {
        HouseholdId household = fixtures.householdWithConsent();
        HouseholdId withdrawnBefore = fixtures.householdWithConsent(Purpose.COMMUNICATION);
        consents.withdraw(APPLICANT, withdrawnBefore, Purpose.COMMUNICATION);
        HouseholdId withoutConsent = fixtures.household();

        for (Purpose required : List.of(Purpose.IDENTITY_VERIFICATION, Purpose.ELIGIBILITY_ASSESSMENT)) {
            assertThatThrownBy(() -> consents.withdraw(APPLICANT, household, required))
                    .isInstanceOf(ConsentConflictException.class).hasMessageContaining("erasure");
        }
        HouseholdId withLegalCompliance = fixtures.householdWithConsent(Purpose.LEGAL_COMPLIANCE);
        assertThatThrownBy(() -> consents.withdraw(APPLICANT, withLegalCompliance, Purpose.LEGAL_COMPLIANCE))
                .as("a legal obligation, listed in the consent or not").isInstanceOf(ConsentConflictException.class)
                .hasMessageContaining("does not rest on your consent");
        assertThat(fixtures.audit(withLegalCompliance)).isEmpty();
        assertThatThrownBy(() -> consents.withdraw(APPLICANT, household, Purpose.COMMUNICATION))
                .as("never given").isInstanceOf(ConsentConflictException.class).hasMessageContaining("not an active consent");
        assertThatThrownBy(() -> consents.withdraw(APPLICANT, withdrawnBefore, Purpose.COMMUNICATION))
                .as("withdrawn before").isInstanceOf(ConsentConflictException.class);
        assertThatThrownBy(() -> consents.withdraw(APPLICANT, withoutConsent, Purpose.COMMUNICATION))
                .as("no consent at all").isInstanceOf(ConsentConflictException.class);

        assertThat(consents.consentsOf(household)).singleElement()
                .satisfies(record -> assertThat(record.purposes()).containsOnlyKeys(Purpose.IDENTITY_VERIFICATION,
                        Purpose.ELIGIBILITY_ASSESSMENT).doesNotContainValue(ConsentStatus.WITHDRAWN));
        assertThat(fixtures.audit(household)).isEmpty();
        assertThat(fixtures.audit(withdrawnBefore)).containsExactly("CONSENT_WITHDRAWN COMMUNICATION SUCCESS");
        assertThat(events.ofType(ConsentWithdrawn.class)).extracting(ConsentWithdrawn::household)
                .as("only the one withdrawal that was made").containsExactly(withdrawnBefore);
    }

    @Test
    @SuppressWarnings("unchecked")
    void reconsentingAddsARecordWithAReceiptTheServiceSigned() throws Exception {
        HouseholdId household = fixtures.householdWithConsent();
        clock.advance(Duration.ofMinutes(5));

        ConsentWithReceipt reconsented = consents.reconsent(APPLICANT, household, consent(Purpose.COMMUNICATION));

        assertThat(consents.consentsOf(household)).hasSize(2).last().isEqualTo(reconsented.consent());
        assertThat(reconsented.consent().givenAt()).isCloseTo(clock.instant(), within(1, ChronoUnit.MILLIS));
        assertThat(reconsented.consent().method()).isEqualTo(ConsentMethod.ONLINE);
        assertThat(fixtures.audit(household)).containsExactly("CONSENT_GIVEN IDENTITY_VERIFICATION SUCCESS");

        JWSObject receipt = JWSObject.parse(reconsented.receipt());
        assertThat(receipt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        RSAKey signingKey = (RSAKey) keyring.signingKeys().getKeyByKeyId(receipt.getHeader().getKeyID());
        assertThat(signingKey).as("signed with one of the service's keys").isNotNull();
        assertThat(receipt.verify(new RSASSAVerifier(signingKey.toRSAPublicKey()))).isTrue();
        assertThat(receipt.verify(new RSASSAVerifier(new RSAKeyGenerator(2048).generate().toRSAPublicKey())))
                .as("and with no other key").isFalse();
        Map<String, Object> claims = receipt.getPayload().toJSONObject();
        assertThat(claims).containsEntry("sub", household.toString())
                .containsEntry("jti", reconsented.consent().id().toString())
                .containsEntry("policyVersion", ConsentFixtures.POLICY)
                .containsEntry("collectionMethod", "ONLINE");
        assertThat((List<Map<String, Object>>) claims.get("purposes")).extracting(purpose -> purpose.get("purpose"))
                .containsExactlyInAnyOrder("IDENTITY_VERIFICATION", "ELIGIBILITY_ASSESSMENT", "COMMUNICATION");
        assertThat(consents.withReceipts(APPLICANT, household)).last().extracting(ConsentWithReceipt::receipt)
                .as("a receipt reads the same every time").isEqualTo(reconsented.receipt());
    }

    @Test
    void aRefusedReconsentRecordsNothing() {
        HouseholdId household = fixtures.householdWithConsent();

        assertThatThrownBy(() -> consents.reconsent(APPLICANT, household, new ConsentForm("1999-01", consent().purposes())))
                .isInstanceOf(ConsentRejectedException.class);

        assertThat(consents.consentsOf(household)).hasSize(1);
        assertThat(fixtures.audit(household)).isEmpty();
    }

    /** Leaving a purpose out of a new consent withdraws it: the household's choice, audited and announced alike. */
    @Test
    void aReconsentLeavingOutAnOptionalPurposeWithdrawsItAsAWithdrawalDoes(PublishedEvents events) {
        HouseholdId household = fixtures.householdWithConsent(Purpose.COMMUNICATION);
        clock.advance(Duration.ofMinutes(5));

        consents.reconsent(APPLICANT, household, consent());

        assertThat(events.ofType(ConsentWithdrawn.class)).singleElement()
                .isEqualTo(new ConsentWithdrawn(household, Purpose.COMMUNICATION, clock.instant()));
        assertThat(fixtures.audit(household)).containsExactlyInAnyOrder("CONSENT_GIVEN IDENTITY_VERIFICATION SUCCESS",
                "CONSENT_WITHDRAWN COMMUNICATION SUCCESS");
        assertThat(consents.consentsOf(household).get(0).purposes()).containsEntry(Purpose.COMMUNICATION, ConsentStatus.WITHDRAWN);

        clock.advance(Duration.ofMinutes(5));
        consents.reconsent(APPLICANT, household, consent());
        assertThat(events.ofType(ConsentWithdrawn.class)).as("nothing more to withdraw").hasSize(1);
    }

    @Test
    void whetherAPurposeIsActiveFollowsTheLatestRecord() {
        HouseholdId household = fixtures.householdWithConsent(Purpose.COMMUNICATION);
        assertThat(consents.isActive(household, Purpose.COMMUNICATION)).isTrue();
        assertThat(consents.isActive(household, Purpose.SERVICE_IMPROVEMENT)).as("never given").isFalse();

        consents.withdraw(APPLICANT, household, Purpose.COMMUNICATION);
        assertThat(consents.isActive(household, Purpose.COMMUNICATION)).isFalse();

        clock.advance(Duration.ofMinutes(5));
        consents.reconsent(APPLICANT, household, consent(Purpose.COMMUNICATION));
        assertThat(consents.isActive(household, Purpose.COMMUNICATION)).as("given again with a newer record").isTrue();

        clock.advance(Duration.ofMinutes(5));
        consents.reconsent(APPLICANT, household, consent());
        assertThat(consents.isActive(household, Purpose.COMMUNICATION)).as("left out of the latest record").isFalse();
        assertThat(consents.consentsOf(household)).extracting(record -> record.purposes().get(Purpose.COMMUNICATION))
                .as("earlier records keep their terms, each purpose ended").containsExactly(ConsentStatus.WITHDRAWN,
                        ConsentStatus.WITHDRAWN, null);

        assertThat(consents.isActive(fixtures.household(), Purpose.IDENTITY_VERIFICATION)).as("no consent at all").isFalse();
    }
}
