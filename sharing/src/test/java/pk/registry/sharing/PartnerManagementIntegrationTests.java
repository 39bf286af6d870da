package pk.registry.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import pk.registry.kernel.Pakistan;
import pk.registry.kernel.Purpose;
import pk.registry.sharing.AgreementDrafts.Draft;
import pk.registry.sharing.PartnerRulesException.Violation;
import pk.testsupport.RegistryModuleTest;
import pk.testsupport.TestClock;

/**
 * The administrators' rules for programmes and agreements: each broken rule names its field
 * and code and nothing is saved; what is saved reads back as it was given.
 */
@RegistryModuleTest
class PartnerManagementIntegrationTests {

    @Autowired
    PartnerManagement partners;

    @Autowired
    TestClock clock;

    // Programmes

    @Test
    void aProgrammeIsCreatedThenChangedAndReadsBackAsSaved() {
        Programme programme = AgreementDrafts.programme("30");

        assertThat(partners.saveProgramme(programme)).as("new").isTrue();
        assertSaved(programme);
        assertThat(partners.programmes()).extracting(Programme::code).contains(programme.code());

        Programme changed = new Programme(programme.code(), "Renamed programme", AgreementDrafts.FIRST_MODEL,
                new BigDecimal("22.5"));
        assertThat(partners.saveProgramme(changed)).as("replaced").isFalse();
        assertSaved(changed);
        assertThat(partners.programmes()).filteredOn(read -> read.code().equals(programme.code())).hasSize(1);
        assertThat(partners.programme("NO_SUCH_PROGRAMME")).isEmpty();
    }

    @Test
    void aProgrammeNeedsAPublishedModelVersion() {
        Programme programme = new Programme(AgreementDrafts.newProgrammeCode(), "Test", "pmt-1999.9", BigDecimal.TEN);

        assertViolations(() -> partners.saveProgramme(programme), tuple("modelVersion", "UnknownModelVersion"));
        assertThat(partners.programme(programme.code())).isEmpty();
    }

    @Test
    void aProgrammesCutOffIsAScoreFrom0To100() {
        for (String outside : new String[] { "-0.1", "100.1", "-50" }) {
            Programme programme = AgreementDrafts.programme(outside);
            assertViolations(() -> partners.saveProgramme(programme), tuple("cutoff", "Range"));
            assertThat(partners.programme(programme.code())).as(outside).isEmpty();
        }
        for (String edge : new String[] { "0", "100" }) {
            Programme programme = AgreementDrafts.programme(edge);
            assertThat(partners.saveProgramme(programme)).as(edge).isTrue();
            assertThat(partners.programme(programme.code()).orElseThrow().cutoff()).isEqualByComparingTo(edge);
        }
    }

    @Test
    void everyBrokenRuleOfAProgrammeIsReportedAtOnce() {
        Programme programme = new Programme(AgreementDrafts.newProgrammeCode(), "Test", "no-such-model", new BigDecimal("101"));

        assertViolations(() -> partners.saveProgramme(programme), tuple("modelVersion", "UnknownModelVersion"),
                tuple("cutoff", "Range"));
    }

    @Test
    void aBrokenChangeLeavesTheProgrammeAsItWas() {
        Programme programme = AgreementDrafts.programme("30");
        partners.saveProgramme(programme);

        assertViolations(() -> partners.saveProgramme(new Programme(programme.code(), "Changed", "no-such-model",
                BigDecimal.ONE)), tuple("modelVersion", "UnknownModelVersion"));
        assertSaved(programme);
    }

    // Agreements

    @Test
    void anAgreementIsCreatedThenChangedAndReadsBackAsSaved() throws JOSEException {
        String programme = programme();
        String second = programme();
        String jwks = new JWKSet(rsaKey()).toPublicJWKSet().toString();
        Draft draft = AgreementDrafts.draft(programme, today()).with(d -> {
            d.programmes.add(second);
            d.purposes = EnumSet.of(Purpose.ELIGIBILITY_ASSESSMENT, Purpose.IDENTITY_VERIFICATION);
            d.fields = EnumSet.allOf(AnswerField.class);
            d.jurisdiction = "AE";
            d.transferApproval = new Agreement.TransferApproval("PDPA-TA-2025-007", LocalDate.of(2025, 3, 1));
            d.callbackBaseUrl = URI.create("https://partner.example.org/dci");
            d.jwks = jwks;
            d.dciSenderId = "urn:partner.example.org:spmis_2";
            d.dailyQuota = 250;
        });

        assertThat(partners.saveAgreement(draft.agreement())).as("new").isTrue();

        Agreement read = partners.agreement(draft.id).orElseThrow();
        assertThat(read).usingRecursiveComparison().ignoringFields("updatedAt").isEqualTo(draft.agreement());
        assertThat(read.updatedAt()).isCloseTo(clock.instant(), org.assertj.core.api.Assertions.within(1,
                java.time.temporal.ChronoUnit.MILLIS));
        assertThat(partners.agreements()).extracting(Agreement::id).contains(draft.id);

        Draft changed = draft.with(d -> {
            d.agency = "Renamed office";
            d.status = AgreementStatus.SUSPENDED;
            d.programmes.remove(second);
            d.purposes = EnumSet.of(Purpose.ELIGIBILITY_ASSESSMENT);
            d.fields = EnumSet.of(AnswerField.ELIGIBLE);
            d.jurisdiction = "PK";
            d.transferApproval = null;
            d.callbackBaseUrl = null;
            d.jwks = null;
            d.dciSenderId = null;
            d.dailyQuota = 1;
            d.validUntil = d.validFrom;
        });
        assertThat(partners.saveAgreement(changed.agreement())).as("replaced").isFalse();
        assertThat(partners.agreement(draft.id).orElseThrow()).usingRecursiveComparison().ignoringFields("updatedAt")
                .isEqualTo(changed.agreement());
        assertThat(partners.agreements()).filteredOn(agreement -> agreement.id().equals(draft.id)).hasSize(1);
        assertThat(partners.agreement(AgreementId.of("no-such-agreement"))).isEmpty();
    }

    @Test
    void aForeignAgencyWithoutTransferApprovalIsSavedButAnswersNothing() {
        Draft draft = draft(d -> d.jurisdiction = "AE");

        assertThat(partners.saveAgreement(draft.agreement())).isTrue();
        assertThat(partners.agreement(draft.id)).isPresent();
        assertThat(draft.agreement().refusal(today())).isPresent();
    }

    @Test
    void anAgreementNamesExistingProgrammesOnly() {
        assertRefused(draft(d -> d.programmes.add("NO_SUCH_PROGRAMME")), tuple("programmes", "UnknownProgramme"));
    }

    @Test
    void anAgreementHoldsNoFieldThatNoneOfItsPurposesMayUse() {
        assertRefused(draft(d -> {
            d.purposes = EnumSet.of(Purpose.IDENTITY_VERIFICATION);
            d.fields = EnumSet.of(AnswerField.ELIGIBLE, AnswerField.MASKED_CNIC);
        }), tuple("fields", "FieldNotAllowedForPurposes"));

        Draft allowed = draft(d -> {
            d.purposes = EnumSet.of(Purpose.IDENTITY_VERIFICATION, Purpose.ELIGIBILITY_ASSESSMENT);
            d.fields = EnumSet.of(AnswerField.ELIGIBLE, AnswerField.MASKED_CNIC);
        });
        assertThat(partners.saveAgreement(allowed.agreement())).as("another purpose may use eligible").isTrue();
    }

    /**
     * The purpose gate refuses a partner every answer for a purpose that is for aggregates only
     * (service improvement) or that a partner's role may not pursue (communication, legal
     * compliance; consent/README): an agreement naming one would promise what is never given,
     * and its fields are checked against the purposes a partner may use.
     */
    @Test
    void anAgreementNamesOnlyPurposesAPartnerMayUse() {
        for (Purpose never : EnumSet.of(Purpose.COMMUNICATION, Purpose.SERVICE_IMPROVEMENT, Purpose.LEGAL_COMPLIANCE)) {
            assertRefused(draft(d -> d.purposes = EnumSet.of(Purpose.ELIGIBILITY_ASSESSMENT, never)),
                    tuple("purposes", "PurposeNotForPartners"));
        }
        assertRefused(draft(d -> {
            d.purposes = EnumSet.of(Purpose.IDENTITY_VERIFICATION, Purpose.LEGAL_COMPLIANCE);
            d.fields = EnumSet.of(AnswerField.ELIGIBLE, AnswerField.MASKED_CNIC);
        }), tuple("purposes", "PurposeNotForPartners"), tuple("fields", "FieldNotAllowedForPurposes"));

        Draft both = draft(d -> d.purposes = EnumSet.of(Purpose.ELIGIBILITY_ASSESSMENT, Purpose.IDENTITY_VERIFICATION));
        assertThat(partners.saveAgreement(both.agreement())).isTrue();
        assertThatThrownBy(() -> partners.saveAgreement(both.with(d -> d.purposes.add(Purpose.COMMUNICATION)).agreement()))
                .isInstanceOf(PartnerRulesException.class);
        assertThat(partners.agreement(both.id).orElseThrow().purposes()).as("unchanged")
                .containsExactlyInAnyOrder(Purpose.ELIGIBILITY_ASSESSMENT, Purpose.IDENTITY_VERIFICATION);
    }

    @Test
    void anAgreementAlwaysAnswersEligible() {
        assertRefused(draft(d -> d.fields = EnumSet.of(AnswerField.SCORE_BAND, AnswerField.MASKED_CNIC)),
                tuple("fields", "EligibleRequired"));
    }

    @Test
    void anAgreementEndsNoEarlierThanItBegins() {
        assertRefused(draft(d -> d.validUntil = d.validFrom.minusDays(1)), tuple("validUntil", "DatesOutOfOrder"));

        Draft oneDay = draft(d -> d.validUntil = d.validFrom);
        assertThat(partners.saveAgreement(oneDay.agreement())).isTrue();
    }

    @Test
    void anAgreementAllowsAtLeastOneAnswerADay() {
        assertRefused(draft(d -> d.dailyQuota = 0), tuple("dailyQuota", "Min"));
        assertRefused(draft(d -> d.dailyQuota = -5), tuple("dailyQuota", "Min"));

        assertThat(partners.saveAgreement(draft(d -> d.dailyQuota = 1).agreement())).isTrue();
    }

    @Test
    void anAgreementsCallbackIsHttpsOrOnThisMachine() {
        for (String refused : new String[] { "http://partner.example.org/dci", "http://10.0.0.5:8080/dci",
                "http://localhost.example.org/dci", "ftp://localhost/dci", "http://localhost@partner.example.org/dci" }) {
            assertRefused(draft(d -> d.callbackBaseUrl = URI.create(refused)), tuple("callbackBaseUrl", "HttpsRequired"));
        }
        for (String allowed : new String[] { "https://partner.example.org/dci", "http://localhost:9090/dci",
                "http://127.0.0.1:9090/dci" }) {
            Draft draft = draft(d -> d.callbackBaseUrl = URI.create(allowed));
            assertThat(partners.saveAgreement(draft.agreement())).as(allowed).isTrue();
            assertThat(partners.agreement(draft.id).orElseThrow().callbackBaseUrl()).hasToString(allowed);
        }
    }

    @Test
    void anAgreementsKeysArePublicKeysThatParse() throws JOSEException {
        RSAKey key = rsaKey();
        String withPrivateKey = new JWKSet(key).toString(false);
        assertThat(withPrivateKey).as("the test key set holds the private exponent").contains("\"d\"");
        String secret = new JWKSet(new OctetSequenceKeyGenerator(256).generate()).toString(false);

        for (String refused : new String[] { withPrivateKey, secret, "not a JWK set", "{\"keys\":[]}", "{}",
                "{\"keys\":[{\"kty\":\"RSA\"}]}" }) {
            assertRefused(draft(d -> d.jwks = refused), tuple("jwks", "PublicJwkSet"));
        }

        Draft published = draft(d -> d.jwks = new JWKSet(key).toPublicJWKSet().toString());
        assertThat(partners.saveAgreement(published.agreement())).isTrue();
        assertThat(partners.agreement(published.id).orElseThrow().jwks()).doesNotContain("\"d\"");
    }

    @Test
    void anAgreementsDciSenderIdIsAShortIdOfLettersDigitsAndPunctuation() {
        for (String refused : new String[] { "", " ", "spmis example", "spmis.example.org ", "a|b", "a/b", "ادارہ",
                "x".repeat(101), "line\nbreak" }) {
            assertRefused(draft(d -> d.dciSenderId = refused), tuple("dciSenderId", "DciSenderId"));
        }

        for (String allowed : new String[] { "spmis.example.org", "urn:gov:pk:bisp", "SPMIS_2-test", "x".repeat(100) }) {
            Draft draft = draft(d -> d.dciSenderId = allowed);
            assertThat(partners.saveAgreement(draft.agreement())).as(allowed).isTrue();
            assertThat(partners.agreement(draft.id).orElseThrow().dciSenderId()).isEqualTo(allowed);
        }
    }

    @Test
    void everyBrokenRuleOfAnAgreementIsReportedAtOnce() {
        assertRefused(draft(d -> {
            d.programmes.add("NO_SUCH_PROGRAMME");
            d.fields = EnumSet.of(AnswerField.SCORE_BAND);
            d.validUntil = d.validFrom.minusDays(1);
            d.dailyQuota = 0;
            d.callbackBaseUrl = URI.create("http://partner.example.org");
            d.jwks = "[]";
            d.dciSenderId = "two words";
        }), tuple("programmes", "UnknownProgramme"), tuple("fields", "EligibleRequired"),
                tuple("validUntil", "DatesOutOfOrder"), tuple("dailyQuota", "Min"),
                tuple("callbackBaseUrl", "HttpsRequired"), tuple("jwks", "PublicJwkSet"),
                tuple("dciSenderId", "DciSenderId"));
    }

    @Test
    void aBrokenChangeLeavesTheAgreementAsItWas() {
        Draft draft = draft(d -> d.dailyQuota = 10);
        partners.saveAgreement(draft.agreement());
        Agreement saved = partners.agreement(draft.id).orElseThrow();

        assertRefused(AgreementDrafts.draft(programme(), today()).with(d -> {
            d.id = draft.id;
            d.dailyQuota = 0;
            d.fields = EnumSet.of(AnswerField.SCORE_BAND);
        }), tuple("fields", "EligibleRequired"), tuple("dailyQuota", "Min"));

        assertThat(partners.agreement(draft.id)).hasValue(saved);
    }

    private void assertSaved(Programme programme) {
        assertThat(partners.programme(programme.code())).hasValueSatisfying(read -> assertThat(read)
                .usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(programme));
    }

    private Draft draft(Consumer<Draft> change) {
        return AgreementDrafts.draft(programme(), today()).with(change);
    }

    private String programme() {
        Programme programme = AgreementDrafts.programme("30");
        partners.saveProgramme(programme);
        return programme.code();
    }

    /** Asserts the agreement breaks exactly these rules (field, code) and that nothing of it was saved. */
    private void assertRefused(Draft draft, org.assertj.core.groups.Tuple... violations) {
        boolean existed = partners.agreement(draft.id).isPresent();
        assertViolations(() -> partners.saveAgreement(draft.agreement()), violations);
        if (!existed) {
            assertThat(partners.agreement(draft.id)).as("nothing saved").isEmpty();
        }
    }

    private static void assertViolations(org.assertj.core.api.ThrowableAssert.ThrowingCallable save,
            org.assertj.core.groups.Tuple... violations) {
        assertThatThrownBy(save).isInstanceOfSatisfying(PartnerRulesException.class, refused -> {
            assertThat(refused.violations()).extracting(Violation::field, Violation::code)
                    .containsExactlyInAnyOrder(violations);
            assertThat(refused.violations()).allSatisfy(violation -> assertThat(violation.message()).isNotBlank());
        });
    }

    private static RSAKey rsaKey() throws JOSEException {
        return new RSAKeyGenerator(2048).keyID("partner-key").generate();
    }

    private LocalDate today() {
        return Pakistan.today(clock);
    }
}
