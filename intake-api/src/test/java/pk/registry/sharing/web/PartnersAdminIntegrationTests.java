package pk.registry.sharing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import pk.registry.Http;
import pk.registry.RegistryIntegrationTest;
import pk.registry.kernel.Role;
import pk.registry.sharing.web.PartnerHouseholds.Registered;
import pk.testsupport.TestClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Administrators manage programmes ({@code /api/v1/admin/programmes}) and data-sharing
 * agreements ({@code /api/v1/admin/partners}): created, read, listed, changed, with conflicts,
 * broken rules and Bean Validation as problems. Suspends the demo agreement, so its context is
 * not reused.
 */
@RegistryIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PartnersAdminIntegrationTests {

    private static final AtomicInteger SERIAL = new AtomicInteger();

    @Autowired
    Http http;

    @Autowired
    JsonMapper json;

    @Autowired
    TestClock clock;

    // Programmes

    @Test
    void anAdministratorCreatesListsAndChangesProgrammes() {
        String code = newCode();

        HttpResponse<String> created = admin("POST", "/api/v1/admin/programmes", programme(code, "pmt-2025.1", "27.5"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/admin/programmes/" + code);
        JsonNode body = http.json(created);
        assertThat(body.get("code").asString()).isEqualTo(code);
        assertThat(body.get("name").asString()).isEqualTo("Programme " + code);
        assertThat(body.get("modelVersion").asString()).isEqualTo("pmt-2025.1");
        assertThat(body.get("cutoff").decimalValue()).isEqualByComparingTo("27.5");
        JsonNode listed = listed(admin("GET", "/api/v1/admin/programmes", null), "code", code);
        assertThat(listed.get("cutoff").decimalValue()).isEqualByComparingTo("27.5");
        assertThat(listed(admin("GET", "/api/v1/admin/programmes", null), "code", "CASH_TRANSFER")
                .get("cutoff").decimalValue()).as("the demo programme").isEqualByComparingTo("30");

        HttpResponse<String> changed = admin("PUT", "/api/v1/admin/programmes/" + code,
                "{\"name\":\"Renamed\",\"modelVersion\":\"pmt-2025.1\",\"cutoff\":35}");

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(http.json(changed).get("name").asString()).isEqualTo("Renamed");
        JsonNode relisted = listed(admin("GET", "/api/v1/admin/programmes", null), "code", code);
        assertThat(relisted.get("name").asString()).isEqualTo("Renamed");
        assertThat(relisted.get("cutoff").decimalValue()).isEqualByComparingTo("35");
    }

    @Test
    void theLocationOfANewProgrammeCanBeRead() {
        HttpResponse<String> created = admin("POST", "/api/v1/admin/programmes", programme(newCode(), "pmt-2025.1", "30"));

        HttpResponse<String> read = admin("GET", created.headers().firstValue("Location").orElseThrow(), null);

        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    }

    @Test
    void aProgrammeCodeIsCreatedOnceAndOnlyAnExistingOneIsChanged() {
        String code = newCode();
        assertThat(admin("POST", "/api/v1/admin/programmes", programme(code, "pmt-2025.1", "30")).statusCode()).isEqualTo(201);

        HttpResponse<String> again = admin("POST", "/api/v1/admin/programmes", programme(code, "pmt-2025.1", "10"));
        assertProblem(again, 409);
        assertThat(listed(admin("GET", "/api/v1/admin/programmes", null), "code", code).get("cutoff").decimalValue())
                .as("unchanged").isEqualByComparingTo("30");
        assertProblem(admin("POST", "/api/v1/admin/programmes", programme("CASH_TRANSFER", "pmt-2025.1", "10")), 409);

        assertProblem(admin("PUT", "/api/v1/admin/programmes/NO_SUCH_PROGRAMME",
                "{\"name\":\"X\",\"modelVersion\":\"pmt-2025.1\",\"cutoff\":30}"), 404);
    }

    @Test
    void aBrokenProgrammeIsABadRequestNamingItsFields() {
        assertThat(errors(admin("POST", "/api/v1/admin/programmes", programme(newCode(), "pmt-1999.1", "30"))))
                .containsExactly("modelVersion UnknownModelVersion");
        assertThat(fields(admin("POST", "/api/v1/admin/programmes", programme(newCode(), "pmt-2025.1", "100.5"))))
                .containsExactly("cutoff");
        assertThat(fields(admin("POST", "/api/v1/admin/programmes", programme(newCode(), "pmt-2025.1", "-1"))))
                .containsExactly("cutoff");
        assertThat(fields(admin("POST", "/api/v1/admin/programmes", programme("lower case", "pmt-2025.1", "30"))))
                .containsExactly("code");
        assertThat(fields(admin("POST", "/api/v1/admin/programmes", "{\"code\":\"" + newCode() + "\"}")))
                .containsExactlyInAnyOrder("name", "modelVersion", "cutoff");
        String code = newCode();
        admin("POST", "/api/v1/admin/programmes", programme(code, "pmt-2025.1", "30"));
        assertThat(errors(admin("PUT", "/api/v1/admin/programmes/" + code,
                "{\"name\":\"X\",\"modelVersion\":\"no-such-model\",\"cutoff\":30}")))
                .containsExactly("modelVersion UnknownModelVersion");
        assertThat(fields(admin("PUT", "/api/v1/admin/programmes/lower-case",
                "{\"name\":\"X\",\"modelVersion\":\"pmt-2025.1\",\"cutoff\":30}"))).isNotEmpty();
    }

    // Agreements

    @Test
    void anAdministratorCreatesReadsListsAndChangesAgreements() throws Exception {
        String programme = newProgramme();
        String id = newId();
        RSAKey key = new RSAKeyGenerator(2048).keyID("partner-key").generate();
        ObjectNode terms = terms(programme).put("jurisdiction", "AE")
                .put("callbackBaseUrl", "https://partner.example.org/dci")
                .put("jwks", new JWKSet(key).toPublicJWKSet().toString()).put("dciSenderId", "spmis.partner.example.org");
        terms.putObject("transferApproval").put("reference", "PDPA-TA-2025-007").put("approvedOn", "2025-03-01");

        HttpResponse<String> created = admin("POST", "/api/v1/admin/partners", newAgreement(id, terms));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/admin/partners/" + id);
        HttpResponse<String> read = admin("GET", "/api/v1/admin/partners/" + id, null);
        assertThat(read.statusCode()).isEqualTo(200);
        for (JsonNode view : List.of(http.json(created), http.json(read),
                listed(admin("GET", "/api/v1/admin/partners", null), "id", id))) {
            assertThat(view.get("id").asString()).isEqualTo(id);
            assertThat(view.get("agency").asString()).isEqualTo("Agency " + programme);
            assertThat(view.get("status").asString()).isEqualTo("ACTIVE");
            assertThat(view.get("validFrom").asString()).isEqualTo("2025-01-01");
            assertThat(view.get("validUntil").asString()).isEqualTo("2030-12-31");
            assertThat(view.get("dailyQuota").asInt()).isEqualTo(500);
            assertThat(strings(view.get("programmes"))).containsExactly(programme);
            assertThat(strings(view.get("purposes"))).containsExactly("ELIGIBILITY_ASSESSMENT");
            assertThat(strings(view.get("fields"))).containsExactly("eligible", "scoreBand", "maskedCnic");
            assertThat(view.get("jurisdiction").asString()).isEqualTo("AE");
            assertThat(view.get("transferApproval").get("reference").asString()).isEqualTo("PDPA-TA-2025-007");
            assertThat(view.get("transferApproval").get("approvedOn").asString()).isEqualTo("2025-03-01");
            assertThat(view.get("callbackBaseUrl").asString()).isEqualTo("https://partner.example.org/dci");
            assertThat(view.get("jwks").asString()).as("public keys are shown, so that a read PUT back keeps them")
                    .contains("\"kty\"").doesNotContain("\"d\"");
            assertThat(view.get("dciSenderId").asString()).as("so is the DCI sender id").isEqualTo("spmis.partner.example.org");
        }
        assertThat(http.json(admin("GET", "/api/v1/admin/partners", null)).valueStream()
                .map(view -> view.get("id").asString()).toList()).contains("demo-agreement", id);

        HttpResponse<String> writtenBack = admin("PUT", "/api/v1/admin/partners/" + id,
                json.writeValueAsString(viewAsTerms(http.json(read))));
        assertThat(writtenBack.statusCode()).as(writtenBack.body()).isEqualTo(200);
        assertThat(http.json(writtenBack).get("jwks").asString()).as("an agreement read and written back keeps its keys")
                .isEqualTo(http.json(read).get("jwks").asString());
        assertThat(http.json(writtenBack).get("dciSenderId").asString()).as("and its DCI sender id")
                .isEqualTo("spmis.partner.example.org");

        ObjectNode changedTerms = terms(programme).put("status", "SUSPENDED").put("dailyQuota", 7).put("agency", "Renamed");
        ((ArrayNode) changedTerms.get("fields")).add("householdSize");
        HttpResponse<String> changed = admin("PUT", "/api/v1/admin/partners/" + id, json.writeValueAsString(changedTerms));

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        for (JsonNode view : List.of(http.json(changed), http.json(admin("GET", "/api/v1/admin/partners/" + id, null)))) {
            assertThat(view.get("status").asString()).isEqualTo("SUSPENDED");
            assertThat(view.get("dailyQuota").asInt()).isEqualTo(7);
            assertThat(view.get("agency").asString()).isEqualTo("Renamed");
            assertThat(strings(view.get("fields"))).containsExactly("eligible", "scoreBand", "householdSize", "maskedCnic");
            assertThat(view.get("jurisdiction").asString()).isEqualTo("PK");
            assertThat(view.get("transferApproval").isNull()).isTrue();
            assertThat(view.get("jwks").isNull()).isTrue();
            assertThat(view.get("dciSenderId").isNull()).as("a PUT replaces every term").isTrue();
        }
    }

    @Test
    void anAgreementIdIsCreatedOnceAndOnlyAnExistingOneIsReadOrChanged() {
        String programme = newProgramme();
        String id = newId();
        assertThat(admin("POST", "/api/v1/admin/partners", newAgreement(id, terms(programme))).statusCode()).isEqualTo(201);

        assertProblem(admin("POST", "/api/v1/admin/partners", newAgreement(id, terms(programme).put("dailyQuota", 1))), 409);
        assertThat(http.json(admin("GET", "/api/v1/admin/partners/" + id, null)).get("dailyQuota").asInt())
                .as("unchanged").isEqualTo(500);
        assertProblem(admin("POST", "/api/v1/admin/partners", newAgreement("demo-agreement", terms(programme))), 409);

        assertProblem(admin("GET", "/api/v1/admin/partners/no-such-agreement", null), 404);
        assertProblem(admin("PUT", "/api/v1/admin/partners/no-such-agreement", json.writeValueAsString(terms(programme))),
                404);
        assertThat(admin("GET", "/api/v1/admin/partners/no-such-agreement", null).statusCode()).isEqualTo(404);
    }

    @Test
    void anAgreementThatBreaksARuleIsABadRequestNamingEachRule() throws Exception {
        String programme = newProgramme();
        String privateKeys = new JWKSet(new RSAKeyGenerator(2048).generate()).toString(false);

        assertRuleBroken(terms(programme).set("programmes", json.createArrayNode().add(programme).add("NO_SUCH_PROGRAMME")),
                "programmes", "UnknownProgramme");
        assertRuleBroken(terms(programme).set("purposes", json.createArrayNode().add("IDENTITY_VERIFICATION")),
                "fields", "FieldNotAllowedForPurposes");
        assertRuleBroken(terms(programme).set("purposes", json.createArrayNode().add("ELIGIBILITY_ASSESSMENT")
                .add("SERVICE_IMPROVEMENT")), "purposes", "PurposeNotForPartners");
        assertRuleBroken(terms(programme).set("fields", json.createArrayNode().add("scoreBand").add("district")),
                "fields", "EligibleRequired");
        assertRuleBroken(terms(programme).put("validUntil", "2024-12-31"), "validUntil", "DatesOutOfOrder");
        assertRuleBroken(terms(programme).put("callbackBaseUrl", "http://partner.example.org/dci"),
                "callbackBaseUrl", "HttpsRequired");
        assertRuleBroken(terms(programme).put("jwks", privateKeys), "jwks", "PublicJwkSet");
        assertRuleBroken(terms(programme).put("jwks", "{\"keys\": \"none\"}"), "jwks", "PublicJwkSet");
    }

    @Test
    void anAgreementThatFailsBeanValidationIsABadRequestNamingItsFields() {
        String programme = newProgramme();

        assertThat(fields(admin("POST", "/api/v1/admin/partners", newAgreement("Bad_Id!", terms(programme)))))
                .containsExactly("id");
        assertThat(fields(admin("POST", "/api/v1/admin/partners", newAgreement("ab", terms(programme)))))
                .containsExactly("id");
        assertThat(fields(admin("POST", "/api/v1/admin/partners", newAgreement(newId(),
                terms(programme).set("fields", json.createArrayNode().add("eligible").add("cnic"))))))
                .singleElement().satisfies(field -> assertThat(field).startsWith("terms.fields"));
        assertThat(fields(admin("POST", "/api/v1/admin/partners", newAgreement(newId(),
                terms(programme).set("purposes", json.createArrayNode().add("MARKETING"))))))
                .singleElement().satisfies(field -> assertThat(field).startsWith("terms.purposes"));
        assertThat(fields(admin("POST", "/api/v1/admin/partners", newAgreement(newId(),
                terms(programme).put("dailyQuota", 0))))).containsExactly("terms.dailyQuota");
        assertThat(fields(admin("POST", "/api/v1/admin/partners", newAgreement(newId(),
                terms(programme).put("jurisdiction", "pak"))))).containsExactly("terms.jurisdiction");
        assertThat(fields(admin("POST", "/api/v1/admin/partners", newAgreement(newId(),
                terms(programme).put("validUntil", "+999999999-12-31"))))).containsExactly("terms.validUntil");
        assertThat(fields(admin("POST", "/api/v1/admin/partners", newAgreement(newId(),
                terms(programme).put("status", "PAUSED"))))).containsExactly("terms.status");
        for (String sender : new String[] { "spmis example", "", "a|b", "x".repeat(101) }) {
            HttpResponse<String> refused = admin("POST", "/api/v1/admin/partners", newAgreement(newId(),
                    terms(programme).put("dciSenderId", sender)));
            assertThat(fields(refused)).as(sender).containsExactly("terms.dciSenderId");
            if (!sender.isEmpty()) {
                assertThat(refused.body()).as("the value is not repeated").doesNotContain(sender);
            }
        }
        assertThat(fields(admin("PUT", "/api/v1/admin/partners/demo-agreement",
                json.writeValueAsString(terms(programme).put("dciSenderId", "two words"))))).containsExactly("dciSenderId");
        assertThat(fields(admin("POST", "/api/v1/admin/partners", "{\"id\":\"" + newId() + "\"}")))
                .containsExactly("terms");
        assertThat(fields(admin("PUT", "/api/v1/admin/partners/demo-agreement",
                json.writeValueAsString(terms(programme).set("fields", json.createArrayNode().add("name"))))))
                .singleElement().satisfies(field -> assertThat(field).startsWith("fields"));
        assertThat(http.json(admin("GET", "/api/v1/admin/partners/demo-agreement", null)).get("dailyQuota").asInt())
                .isEqualTo(100_000);
    }

    @Test
    void suspendingAnAgreementForbidsItsPartnersQuestionsAtOnce() {
        Registered poor = PartnerHouseholds.register(http, json, PartnerHouseholds.poor(json, PartnerHouseholds.newMobile(),
                PartnerHouseholds.today(clock)));
        ObjectNode demo = viewAsTerms(http.json(admin("GET", "/api/v1/admin/partners/demo-agreement", null)));
        assertThat(verify(poor.cnic(0)).statusCode()).isEqualTo(200);
        try {
            HttpResponse<String> suspended = admin("PUT", "/api/v1/admin/partners/demo-agreement",
                    json.writeValueAsString(demo.deepCopy().put("status", "SUSPENDED")));
            assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(200);

            HttpResponse<String> refused = verify(poor.cnic(0));
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(http.json(refused).get("detail").asString()).contains("suspended");
            assertThat(get(http.token(Role.PARTNER), "/api/v1/partner/agreement").statusCode()).isEqualTo(403);
        }
        finally {
            assertThat(admin("PUT", "/api/v1/admin/partners/demo-agreement", json.writeValueAsString(demo)).statusCode())
                    .isEqualTo(200);
        }
        assertThat(verify(poor.cnic(0)).statusCode()).as("active again").isEqualTo(200);
    }

    @Test
    void anAgreementPastItsEndForbidsItsPartnersQuestions() {
        ObjectNode demo = viewAsTerms(http.json(admin("GET", "/api/v1/admin/partners/demo-agreement", null)));
        String cnic = PartnerHouseholds.newCnic('M');
        try {
            LocalDate yesterday = PartnerHouseholds.today(clock).minusDays(1);
            assertThat(admin("PUT", "/api/v1/admin/partners/demo-agreement",
                    json.writeValueAsString(demo.deepCopy().put("validUntil", yesterday.toString()))).statusCode())
                    .isEqualTo(200);

            HttpResponse<String> refused = verify(cnic);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(http.json(refused).get("detail").asString()).contains("expired");
        }
        finally {
            assertThat(admin("PUT", "/api/v1/admin/partners/demo-agreement", json.writeValueAsString(demo)).statusCode())
                    .isEqualTo(200);
        }
        assertThat(verify(cnic).statusCode()).isEqualTo(200);
    }

    @Test
    void onlyAdministratorsManagePartnersAndProgrammes() {
        String programme = programme(newCode(), "pmt-2025.1", "30");
        String agreement = newAgreement(newId(), terms("CASH_TRANSFER"));
        List<String> others = List.of(http.token(Role.PARTNER), http.token(Role.DPO), http.token(Role.AUDITOR),
                http.token(Role.FIELD_OFFICER), http.applicantToken(PartnerHouseholds.e164(PartnerHouseholds.newMobile())));

        for (String token : others) {
            assertThat(send(token, "GET", "/api/v1/admin/programmes", null).statusCode()).isEqualTo(403);
            assertThat(send(token, "POST", "/api/v1/admin/programmes", programme).statusCode()).isEqualTo(403);
            assertThat(send(token, "GET", "/api/v1/admin/partners", null).statusCode()).isEqualTo(403);
            assertThat(send(token, "GET", "/api/v1/admin/partners/demo-agreement", null).statusCode()).isEqualTo(403);
            assertThat(send(token, "POST", "/api/v1/admin/partners", agreement).statusCode()).isEqualTo(403);
            assertThat(send(token, "PUT", "/api/v1/admin/partners/demo-agreement",
                    json.writeValueAsString(terms("CASH_TRANSFER").put("status", "SUSPENDED"))).statusCode()).isEqualTo(403);
        }
        assertThat(http.get("/api/v1/admin/partners").statusCode()).isEqualTo(401);
        assertThat(http.get("/api/v1/admin/programmes").statusCode()).isEqualTo(401);
        assertThat(http.json(admin("GET", "/api/v1/admin/partners/demo-agreement", null)).get("status").asString())
                .isEqualTo("ACTIVE");
    }

    private void assertRuleBroken(ObjectNode terms, String field, String code) {
        HttpResponse<String> created = admin("POST", "/api/v1/admin/partners", newAgreement(newId(), terms));
        // The rule's field is named as in the agreement's terms (nested under "terms" in a new agreement's body).
        assertThat(errors(created)).singleElement().satisfies(error -> {
            assertThat(error).endsWith(field + " " + code);
        });
        assertThat(http.json(created).toString()).doesNotContain("partner.example.org");
        assertThat(errors(admin("PUT", "/api/v1/admin/partners/demo-agreement", json.writeValueAsString(terms))))
                .containsExactly(field + " " + code);
    }

    private HttpResponse<String> verify(String cnic) {
        return http.send(http.request("/api/v1/verifications").header("Authorization", "Bearer " + http.token(Role.PARTNER))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"cnic\":\"" + cnic + "\",\"programme\":\"CASH_TRANSFER\",\"purpose\":\"ELIGIBILITY_ASSESSMENT\"}")));
    }

    /** Valid terms: active, 2025-2030, 500 a day, the programme, eligibility assessment, eligible, scoreBand, maskedCnic, in Pakistan. */
    private ObjectNode terms(String programme) {
        ObjectNode terms = json.createObjectNode().put("agency", "Agency " + programme).put("status", "ACTIVE")
                .put("validFrom", "2025-01-01").put("validUntil", "2030-12-31").put("dailyQuota", 500);
        terms.putArray("programmes").add(programme);
        terms.putArray("purposes").add("ELIGIBILITY_ASSESSMENT");
        terms.putArray("fields").add("eligible").add("scoreBand").add("maskedCnic");
        terms.put("jurisdiction", "PK");
        return terms;
    }

    private String newAgreement(String id, ObjectNode terms) {
        ObjectNode body = json.createObjectNode().put("id", id);
        body.set("terms", terms);
        return json.writeValueAsString(body);
    }

    /** An agreement as administrators read it, as the terms to PUT back. */
    private static ObjectNode viewAsTerms(JsonNode view) {
        ObjectNode terms = (ObjectNode) view.deepCopy();
        terms.remove("id");

        terms.remove("updatedAt");
        return terms;
    }

    private String programme(String code, String modelVersion, String cutoff) {
        return "{\"code\":\"" + code + "\",\"name\":\"Programme " + code + "\",\"modelVersion\":\"" + modelVersion
                + "\",\"cutoff\":" + cutoff + "}";
    }

    private String newProgramme() {
        String code = newCode();
        HttpResponse<String> created = admin("POST", "/api/v1/admin/programmes", programme(code, "pmt-2025.1", "30"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return code;
    }

    private static String newCode() {
        return "ADMIN_TEST_" + SERIAL.incrementAndGet();
    }

    private static String newId() {
        return "admin-test-" + SERIAL.incrementAndGet();
    }

    private JsonNode listed(HttpResponse<String> list, String key, String value) {
        assertThat(list.statusCode()).isEqualTo(200);
        return http.json(list).valueStream().filter(item -> item.get(key).asString().equals(value)).findFirst()
                .orElseThrow(() -> new AssertionError(value + " is not listed"));
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(http.json(response).get("status").asInt()).isEqualTo(status);
    }

    /** The problem's field errors as "field code". */
    private List<String> errors(HttpResponse<String> response) {
        assertProblem(response, 400);
        return http.json(response).get("errors").valueStream()
                .map(error -> error.get("field").asString() + " " + error.get("code").asString()).toList();
    }

    private List<String> fields(HttpResponse<String> response) {
        assertProblem(response, 400);
        return http.json(response).get("errors").valueStream().map(error -> error.get("field").asString()).toList();
    }

    private HttpResponse<String> admin(String method, String path, String body) {
        return send(http.token(Role.ADMIN), method, path, body);
    }

    private HttpResponse<String> get(String token, String path) {
        return send(token, "GET", path, null);
    }

    private HttpResponse<String> send(String token, String method, String path, String body) {
        HttpRequest.Builder request = http.request(path).header("Authorization", "Bearer " + token);
        if (body == null) {
            return http.send(request.method(method, HttpRequest.BodyPublishers.noBody()));
        }
        return http.send(request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }
}
