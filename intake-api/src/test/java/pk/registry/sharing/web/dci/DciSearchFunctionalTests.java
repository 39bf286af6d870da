package pk.registry.sharing.web.dci;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.nimbusds.jose.jwk.JWKSet;

import pk.registry.Http;
import pk.registry.RegistryIntegrationTest;
import pk.registry.kernel.Pakistan;
import pk.registry.sharing.PartnerManagement;
import pk.registry.sharing.dci.testing.DciMessages;
import pk.registry.sharing.dci.testing.DciSpec;
import pk.registry.sharing.dci.testing.PartnerSigner;
import pk.registry.sharing.web.dci.DciService.Household;
import pk.testsupport.TestClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /registry/sync/search} as the demo partner, over HTTP: answers of the agreement's
 * fields only, of one shape for registered and unregistered persons, valid against the standard
 * and signed with the key published at {@code /oauth2/jwks}; the standard's answers to what the
 * public compliance suite sends (a UIN that is not a CNIC, expression and predicate queries), to
 * malformed envelopes, to 101 entries, and to bad signatures.
 */
@RegistryIntegrationTest
@TestPropertySource(properties = { "registry.dci.delivery.backoff=PT0S,PT0S,PT0S,PT0S,PT0S",
        "registry.dci.delivery.poll=PT0.1S" })
class DciSearchFunctionalTests {

    static final List<String> DEMO_KEYS = List.of("eligible", "score_band", "group_size", "district", "masked_identifier");

    @Autowired
    Http http;

    @Autowired
    PartnerManagement partners;

    @Autowired
    TestClock clock;

    DciService service;

    @BeforeEach
    void setUp() {
        service = new DciService(http);
        DciService.configureDemoAgreement(partners, null, null);
    }

    @AfterEach
    void tearDown() {
        DciService.configureDemoAgreement(partners, null, null);
    }

    @Test
    void theDemoPartnerGetsMinimalAnswersOfOneShapeValidAndSigned() throws Exception {
        Household poor = service.register(true, Pakistan.today(clock));
        Household wellOff = service.register(false, Pakistan.today(clock));
        String unregistered = DciService.newCnic('M');
        ObjectNode request = DciMessages.search(DciMessages.searchEntry("poor", "CNIC", poor.cnics().get(0)),
                DciMessages.searchEntry("well-off", "NationalID", wellOff.cnics().get(1).replace("-", "")),
                DciMessages.searchEntry("unregistered", "UIN", unregistered));

        HttpResponse<String> response = service.post("/registry/sync/search", request);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        DciSpec.get().assertValidResponse("/registry/sync/search", 200, response.body());
        JsonNode body = service.json(response);
        List<JsonNode> records = new ArrayList<>();
        body.get("message").get("search_response")
                .forEach(entry -> records.add(entry.get("data").get("reg_records").get(0)));
        assertThat(records).allSatisfy(record -> assertThat(record.propertyNames()).containsExactlyElementsOf(DEMO_KEYS));
        assertThat(records).extracting(record -> record.get("eligible").asBoolean()).containsExactly(true, false, false);
        assertThat(records.get(0).get("district").asString()).isEqualTo("Lahore");
        assertThat(records.get(2).get("district").isNull()).isTrue();
        assertThat(response.body()).doesNotContain(poor.personalData()).doesNotContain(wellOff.personalData())
                .doesNotContain(unregistered, unregistered.replace("-", ""), unregistered.substring(6, 13));
        JWKSet published = JWKSet.parse(http.get("/oauth2/jwks").body());
        assertThat(PartnerSigner.signedByRegistry(body, published, "pk.registry.social", clock.instant())).isTrue();
    }

    @Test
    void whatTheComplianceSuiteSendsIsAnsweredInAFullEnvelopeWithPerEntryRejections() {
        ObjectNode expression = DciMessages.searchEntry("expression", "UIN", "TEST-001");
        ((ObjectNode) expression.get("search_criteria")).put("query_type", "expression").putObject("query")
                .put("type", "ns:org:QueryType:expression").putObject("value").putObject("expression")
                .put("collection", "Group");
        ObjectNode predicate = DciMessages.searchEntry("predicate", "UIN", "TEST-001");
        ((ObjectNode) predicate.get("search_criteria")).put("query_type", "predicate").putArray("query").addObject()
                .put("seq_num", 1).putObject("expression1").put("attribute_name", "age").put("operator", "lt")
                .put("attribute_value", "25");

        for (ObjectNode entry : List.of(DciMessages.searchEntry("suite", "UIN", "TEST-001"), expression, predicate)) {
            HttpResponse<String> response = service.post("/registry/sync/search", DciMessages.search(entry));

            assertThat(response.statusCode()).isEqualTo(200);
            DciSpec.get().assertValidResponse("/registry/sync/search", 200, response.body());
            JsonNode answer = service.json(response).get("message").get("search_response").get(0);
            assertThat(answer.get("status").asString()).isEqualTo("rjct");
            assertThat(answer.get("status_reason_code").asString()).isEqualTo("rjct.search_criteria.invalid");
        }
    }

    @Test
    void envelopesThatBreakTheStandardGetItsRejections() {
        ObjectNode noMessage = DciMessages.search(DciMessages.searchEntry("r", "UIN", "TEST-001"));
        noMessage.remove("message");
        ObjectNode[] entries = new ObjectNode[101];
        java.util.Arrays.setAll(entries, i -> DciMessages.searchEntry("r" + i, "CNIC", DciService.newCnic('M')));

        String nested = "{\"header\": " + "{\"a\": ".repeat(3_000) + "1" + "}".repeat(3_001) + ", \"message\": {}}";
        String twoHeaders = "{\"header\": {}, \"header\": {}, \"message\": {}}";
        for (String body : List.of(DciMessages.text(noMessage), "{\"header\": ", "", nested, twoHeaders)) {
            HttpResponse<String> response = service.postAsIs("/registry/sync/search", body);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(service.json(response).get("errors").get(0).get("code").asString()).isEqualTo("err.request.bad");
            DciSpec.get().assertHttpErrorResponse(response.body());
        }
        HttpResponse<String> tooMany = service.post("/registry/sync/search", DciMessages.search(entries));
        assertThat(tooMany.statusCode()).isEqualTo(200);
        DciSpec.get().assertValidResponse("/registry/sync/search", 200, tooMany.body());
        assertThat(service.json(tooMany).get("header").get("status_reason_code").asString())
                .isEqualTo("rjct.total_count.limit_exceeded");
        HttpResponse<String> anonymous = http.send(http.request("/registry/sync/search").header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString(DciMessages.text(DciMessages.search()))));
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void aRequestNamingAnotherAgencysSenderIdIsRefusedWithTheStandardsCode() {
        ObjectNode request = DciMessages.search(DciMessages.searchEntry("r", "CNIC", DciService.newCnic('M')));
        ((ObjectNode) request.get("header")).put("sender_id", Http.SECOND_PARTNER_SENDER);

        HttpResponse<String> refused = service.post("/registry/sync/search", request);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(service.json(refused).get("errors").get(0).get("code").asString()).isEqualTo("err.sender_id.invalid");
        assertThat(refused.body()).doesNotContain(Http.SECOND_PARTNER_SENDER);
        DciSpec.get().assertHttpErrorResponse(refused.body());
    }

    @Test
    void onceTheAgreementHoldsKeysOnlyRequestsSignedWithThemAreAnswered() {
        PartnerSigner signer = new PartnerSigner(DciMessages.SENDER);
        DciService.configureDemoAgreement(partners, null, signer.publicJwks());
        ObjectNode stub = DciMessages.search(DciMessages.searchEntry("r", "CNIC", DciService.newCnic('M')));
        ObjectNode signed = signer.sign(DciMessages.search(DciMessages.searchEntry("r", "CNIC", DciService.newCnic('M'))),
                clock.instant());
        ObjectNode tampered = signer.sign(DciMessages.search(DciMessages.searchEntry("r", "CNIC", DciService.newCnic('M'))),
                clock.instant());
        ((ObjectNode) tampered.get("header")).put("total_count", 2);

        HttpResponse<String> rejected = service.post("/registry/sync/search", stub);
        HttpResponse<String> forged = service.post("/registry/search", tampered);
        HttpResponse<String> answered = service.post("/registry/sync/search", signed);

        assertThat(rejected.statusCode()).isEqualTo(401);
        assertThat(service.json(rejected).get("errors").get(0).get("code").asString()).isEqualTo("err.signature.invalid");
        DciSpec.get().assertHttpErrorResponse(rejected.body());
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(answered.statusCode()).isEqualTo(200);
    }
}
