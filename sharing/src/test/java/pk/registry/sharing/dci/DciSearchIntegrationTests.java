package pk.registry.sharing.dci;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pk.registry.kernel.Actor;
import pk.registry.keys.RegistryKeyring;
import pk.registry.sharing.Agreement;
import pk.registry.sharing.AgreementStatus;
import pk.registry.sharing.AnswerField;
import pk.registry.sharing.dci.testing.DciMessages;
import pk.registry.sharing.dci.testing.DciSpec;
import pk.registry.sharing.dci.testing.PartnerSigner;
import pk.testsupport.RegistryModuleTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Synchronous DCI searches at the sharing module's scope: answers of the agreement's fields only
 * and of one shape for registered and unregistered persons, valid against the standard, signed;
 * the standard's rejections of entries, headers, bodies, signatures, agreements and quotas.
 */
@RegistryModuleTest
class DciSearchIntegrationTests extends EligibleHouseholdTests {

    static final List<String> DEMO_KEYS = List.of("eligible", "score_band", "group_size", "district", "masked_identifier");

    @Autowired
    RegistryKeyring keyring;

    @Test
    void registeredAndUnregisteredPersonsGetTheAgreementsFieldsOnlyInOneShape() {
        Agreement agreement = DciFixtures.draft(programme.code(), today()).save(partners);
        String unregistered = DciFixtures.newCnic('M');
        ObjectNode request = DciMessages.search(DciMessages.searchEntry("head", "CNIC", household.cnics().get(0)),
                DciMessages.searchEntry("spouse", "NationalID", household.cnics().get(1).replace("-", "")),
                DciMessages.searchEntry("stranger", "UIN", unregistered));

        DciReply reply = syncSearch(DciFixtures.partner(agreement), request);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.body();
        JsonNode header = body.get("header");
        assertThat(header.get("action").asString()).isEqualTo("on-search");
        assertThat(header.get("status").asString()).isEqualTo("succ");
        assertThat(header.get("total_count").asInt()).isEqualTo(3);
        assertThat(header.get("completed_count").asInt()).isEqualTo(3);
        assertThat(header.get("sender_id").asString()).isEqualTo("pk.registry.social");
        assertThat(header.get("receiver_id").asString()).isEqualTo(DciMessages.SENDER);
        assertThat(body.get("message").get("transaction_id")).isEqualTo(request.get("message").get("transaction_id"));
        assertThat(body.get("message").get("correlation_id").asString()).hasSizeLessThanOrEqualTo(99);
        List<JsonNode> records = new ArrayList<>();
        for (JsonNode entry : body.get("message").get("search_response")) {
            assertThat(entry.get("status").asString()).isEqualTo("succ");
            assertThat(entry.get("data").get("reg_type").asString()).isEqualTo("ns:pk:RegistryType:Social");
            assertThat(entry.get("data").get("reg_records")).hasSize(1);
            records.add(entry.get("data").get("reg_records").get(0));
        }
        assertThat(records).allSatisfy(record -> assertThat(record.propertyNames()).containsExactlyElementsOf(DEMO_KEYS));
        assertThat(records.get(0).get("eligible").asBoolean()).isTrue();
        assertThat(records.get(0).get("score_band").asString()).isEqualTo("0-20");
        assertThat(records.get(0).get("group_size").asInt()).isEqualTo(3);
        assertThat(records.get(0).get("district").asString()).isEqualTo("Lahore");
        assertThat(records.get(0).get("masked_identifier").get("identifier_type").asString()).isEqualTo("CNIC");
        assertThat(records.get(0).get("masked_identifier").get("identifier_value").asString())
                .isEqualTo(household.cnics().get(0).substring(0, 5) + "-*******-1");
        assertThat(records.get(2).get("eligible").asBoolean()).isFalse();
        assertThat(records.get(2).get("score_band").isNull()).isTrue();
        assertThat(records.get(2).get("group_size").isNull()).isTrue();
        assertThat(records.get(2).get("district").isNull()).isTrue();
        assertThat(reply.json()).doesNotContain(household.personalData()).doesNotContain(unregistered,
                unregistered.replace("-", ""), unregistered.substring(6, 13));
        assertThat(disclosures(agreement)).isEqualTo(3);
        assertThat(PartnerSigner.signedByRegistry(body, keyring.signingKeys().toPublicJWKSet(), "pk.registry.social",
                clock.instant())).isTrue();
    }

    @Test
    void anAnswerNeverHoldsAFieldTheAgreementDoesNotName() {
        Agreement agreement = DciFixtures.draft(programme.code(), today())
                .with(draft -> draft.fields = EnumSet.of(AnswerField.ELIGIBLE, AnswerField.REGISTERED)).save(partners);

        DciReply reply = syncSearch(DciFixtures.partner(agreement), DciMessages.search(
                DciMessages.searchEntry("registered", "CNIC", household.cnics().get(0)),
                DciMessages.searchEntry("unregistered", "CNIC", DciFixtures.newCnic('F'))));

        JsonNode entries = reply.body().get("message").get("search_response");
        assertThat(entries.get(0).get("data").get("reg_records").get(0).propertyNames()).containsExactly("eligible", "registered");
        assertThat(entries.get(0).get("data").get("reg_records").get(0).get("registered").asBoolean()).isTrue();
        assertThat(entries.get(1).get("data").get("reg_records").get(0).propertyNames()).containsExactly("eligible", "registered");
        assertThat(entries.get(1).get("data").get("reg_records").get(0).get("registered").asBoolean()).isFalse();
        assertThat(reply.json()).doesNotContain("masked_identifier", "district", "group_size", "score_band")
                .doesNotContain(household.personalData());
    }

    @Test
    void queriesTheRegistryDoesNotAnswerAreRejectedPerEntryInAFullEnvelope() {
        Agreement agreement = DciFixtures.draft(programme.code(), today()).save(partners);
        ObjectNode expression = DciMessages.searchEntry("expression", "CNIC", household.cnics().get(0));
        ((ObjectNode) expression.get("search_criteria")).put("query_type", "expression").putObject("query")
                .put("type", "ns:org:QueryType:expression").putObject("value").putObject("expression").put("collection", "Group");
        ObjectNode predicate = DciMessages.searchEntry("predicate", "CNIC", household.cnics().get(0));
        ((ObjectNode) predicate.get("search_criteria")).put("query_type", "predicate").putArray("query").addObject()
                .put("seq_num", 1).putObject("expression1").put("attribute_name", "age").put("operator", "lt")
                .put("attribute_value", "25");

        DciReply reply = syncSearch(DciFixtures.partner(agreement), DciMessages.search(expression, predicate,
                DciMessages.searchEntry("suite", "UIN", "TEST-001"), DciMessages.searchEntry("answered", "CNIC",
                        household.cnics().get(0))));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("header").get("status").asString()).isEqualTo("succ");
        JsonNode entries = reply.body().get("message").get("search_response");
        for (int i = 0; i < 3; i++) {
            assertThat(entries.get(i).get("status").asString()).isEqualTo("rjct");
            assertThat(entries.get(i).get("status_reason_code").asString()).isEqualTo("rjct.search_criteria.invalid");
            assertThat(entries.get(i).has("data")).isFalse();
        }
        assertThat(entries.get(3).get("status").asString()).isEqualTo("succ");
        assertThat(disclosures(agreement)).isEqualTo(1);
    }

    @Test
    void aHundredEntriesAreAnsweredAndAHundredAndOneRefusedInTheHeader() {
        Agreement agreement = DciFixtures.draft(programme.code(), today()).save(partners);
        ObjectNode[] entries = new ObjectNode[101];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = DciMessages.searchEntry("entry-" + i, "CNIC", household.cnics().get(0));
        }

        DciReply refused = syncSearch(DciFixtures.partner(agreement), DciMessages.search(entries));
        DciReply answered = syncSearch(DciFixtures.partner(agreement),
                DciMessages.search(java.util.Arrays.copyOf(entries, 100)));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body().get("header").get("status").asString()).isEqualTo("rjct");
        assertThat(refused.body().get("header").get("status_reason_code").asString())
                .isEqualTo("rjct.total_count.limit_exceeded");
        assertThat(refused.body().get("message").get("search_response")).isEmpty();
        assertThat(answered.body().get("message").get("search_response")).hasSize(100);
        assertThat(disclosures(agreement)).isEqualTo(100);
    }

    @Test
    void headerProblemsAreRefusedWithTheStandardsReasonCodes() {
        Actor partner = DciFixtures.partner(DciFixtures.draft(programme.code(), today()).save(partners));

        ObjectNode wrongAction = DciMessages.search(DciMessages.searchEntry("r", "CNIC", household.cnics().get(0)));
        ((ObjectNode) wrongAction.get("header")).put("action", "subscribe");
        ObjectNode wrongVersion = DciMessages.search(DciMessages.searchEntry("r", "CNIC", household.cnics().get(0)));
        ((ObjectNode) wrongVersion.get("header")).put("version", "0.9.0");
        ObjectNode wrongCount = DciMessages.search(DciMessages.searchEntry("r", "CNIC", household.cnics().get(0)));
        ((ObjectNode) wrongCount.get("header")).put("total_count", 2);

        assertThat(List.of(wrongAction, wrongVersion, wrongCount)).extracting(request -> sendAsIs(partner, request).body()
                .get("header").get("status_reason_code").asString())
                .containsExactly("rjct.action.invalid", "rjct.version.invalid", "rjct.total_count.invalid");
    }

    @Test
    void bodiesThatAreNoEnvelopeAreBadRequests() {
        Actor partner = DciFixtures.partner(DciFixtures.draft(programme.code(), today()).save(partners));
        ObjectNode noMessage = DciMessages.search(DciMessages.searchEntry("r", "CNIC", household.cnics().get(0)));
        noMessage.remove("message");
        ObjectNode longTransaction = DciMessages.search(DciMessages.searchEntry("r", "CNIC", household.cnics().get(0)));
        ((ObjectNode) longTransaction.get("message")).put("transaction_id", "x".repeat(100));
        ObjectNode wrongType = DciMessages.search(DciMessages.searchEntry("r", "CNIC", household.cnics().get(0)));
        ((ObjectNode) wrongType.get("header")).put("total_count", "one");

        String loneSurrogates = new String(bytes(DciMessages.search(DciMessages.searchEntry("r-lone", "CNIC",
                household.cnics().get(0)))), java.nio.charset.StandardCharsets.UTF_8).replace("r-lone", "r-\\udfff");

        List<byte[]> bodies = List.of("not json".getBytes(), "[]".getBytes(), "{}".getBytes(), new byte[0],
                "{\"header\":{},\"header\":{}}".getBytes(), bytes(noMessage), bytes(longTransaction), bytes(wrongType),
                loneSurrogates.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "{\"header\":{},\"message\":{\"\\ud800\":1}}".getBytes());

        for (byte[] body : bodies) {
            DciReply reply = gateway.syncSearch(partner, body);
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.body().get("code").asString()).isEqualTo("err.request.bad");
            assertThat(reply.body().get("errors").get(0).get("code").asString()).isEqualTo("err.request.bad");
            DciSpec.get().assertHttpErrorResponse(reply.json());
        }
        assertThat(gateway.syncSearch(partner, bytes(longTransaction)).json()).doesNotContain("xxxxx");
    }

    @Test
    void anAgreementThatAnswersNothingTodayIs403AndAQuotaUsedUpIs429WithNothingDisclosedOrUsedUp() {
        Agreement suspended = DciFixtures.draft(programme.code(), today()).with(draft -> draft.status = AgreementStatus.SUSPENDED)
                .save(partners);
        Agreement small = DciFixtures.draft(programme.code(), today()).with(draft -> draft.dailyQuota = 1).save(partners);
        ObjectNode twoQuestions = DciMessages.search(DciMessages.searchEntry("a", "CNIC", household.cnics().get(0)),
                DciMessages.searchEntry("b", "CNIC", household.cnics().get(1)));

        DciReply forbidden = syncSearch(DciFixtures.partner(suspended), twoQuestions);
        DciReply tooMany = syncSearch(DciFixtures.partner(small), twoQuestions);

        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body().get("errors").get(0).get("code").asString()).isEqualTo("err.request.forbidden");
        DciSpec.get().assertHttpErrorResponse(forbidden.json());
        assertThat(tooMany.status()).isEqualTo(429);
        assertThat(tooMany.body().get("errors").get(0).get("code").asString()).isEqualTo("err.request.too_many_requests");
        assertThat(tooMany.retryAfterSeconds()).isNotNull();
        assertThat(disclosures(suspended) + disclosures(small)).as("the batch is one transaction").isZero();
        DciReply oneQuestion = syncSearch(DciFixtures.partner(small),
                DciMessages.search(DciMessages.searchEntry("a", "CNIC", household.cnics().get(0))));
        assertThat(oneQuestion.body().get("header").get("status").asString())
                .as("the refused batch gave back the answer it had taken").isEqualTo("succ");
        assertThat(disclosures(small)).isEqualTo(1);
    }

    @Test
    void anAgreementWithKeysAcceptsOnlyRequestsSignedWithThem() {
        PartnerSigner signer = new PartnerSigner(DciMessages.SENDER);
        PartnerSigner stranger = new PartnerSigner(DciMessages.SENDER);
        Agreement agreement = DciFixtures.draft(programme.code(), today()).with(draft -> draft.jwks = signer.publicJwks())
                .save(partners);
        Actor partner = DciFixtures.partner(agreement);

        ObjectNode signed = signer.sign(search(), clock.instant());
        ObjectNode unsigned = search();
        unsigned.remove("signature");
        ObjectNode stub = search();
        ObjectNode tampered = signer.sign(search(), clock.instant());
        ((ObjectNode) tampered.get("message").get("search_request").get(0).get("search_criteria").get("query"))
                .put("value", household.cnics().get(1));
        ObjectNode foreignKey = stranger.sign(search(), clock.instant());
        ObjectNode expired = signer.sign(search(), clock.instant().minus(Duration.ofHours(1)));
        ObjectNode otherSender = signer.sign(search(), clock.instant());
        ((ObjectNode) otherSender.get("header")).put("sender_id", "other.example.org");

        assertThat(syncSearch(partner, signed).status()).isEqualTo(200);
        assertThat(syncSearch(partner, unsigned).body().get("errors").get(0).get("code").asString())
                .isEqualTo("err.signature.missing");
        for (ObjectNode request : List.of(stub, tampered, foreignKey, expired, otherSender)) {
            DciReply reply = syncSearch(partner, request);
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.body().get("errors").get(0).get("code").asString()).isEqualTo("err.signature.invalid");
            DciSpec.get().assertHttpErrorResponse(reply.json());
        }
        assertThat(disclosures(agreement)).isEqualTo(1);
    }

    private ObjectNode search() {
        return DciMessages.search(DciMessages.searchEntry("r", "CNIC", household.cnics().get(0)));
    }

    /** Sends a request valid against the standard, and checks that an envelope answering it is too. */
    private DciReply syncSearch(Actor partner, ObjectNode request) {
        DciSpec.get().assertValidRequest("/registry/sync/search", DciMessages.text(request));
        return sendAsIs(partner, request);
    }

    /** Sends a request as it is (a test may have broken it on purpose), and checks that an envelope answering it is valid. */
    private DciReply sendAsIs(Actor partner, ObjectNode request) {
        DciReply reply = gateway.syncSearch(partner, bytes(request));
        if (reply.status() == 200) {
            DciSpec.get().assertValidResponse("/registry/sync/search", 200, reply.json());
        }
        return reply;
    }

    private static byte[] bytes(ObjectNode request) {
        return DciMessages.text(request).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private long disclosures(Agreement agreement) {
        return jdbc.sql("SELECT COUNT(*) FROM disclosure WHERE agreement_id = :agreement")
                .param("agreement", agreement.id().value()).query(Long.class).single();
    }
}
