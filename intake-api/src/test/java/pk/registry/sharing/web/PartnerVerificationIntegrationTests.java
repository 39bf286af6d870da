package pk.registry.sharing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import pk.registry.Http;
import pk.registry.RegistryIntegrationTest;
import pk.registry.kernel.Role;
import pk.registry.sharing.web.PartnerHouseholds.Registered;
import pk.testsupport.TestClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo partner ({@code demo-partner}, bound to {@code demo-agreement}: programme
 * {@code CASH_TRANSFER}, purpose ELIGIBILITY_ASSESSMENT) asking about persons over HTTP:
 * minimal answers of one shape, refusals outside the agreement, who may ask, the daily quota,
 * and what the household reads of it. Changes the demo agreement's quota and moves the clock,
 * so its context is not reused.
 */
@RegistryIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PartnerVerificationIntegrationTests {

    static final String PROGRAMME = "CASH_TRANSFER";
    static final String AGENCY = "Cash transfer programme office (demo)";
    static final List<String> DEMO_FIELDS = List.of("eligible", "scoreBand", "householdSize", "district", "maskedCnic");

    @Autowired
    Http http;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aRegisteredAndAnUnregisteredCnicGetAnswersOfTheSameMinimalShape() {
        Registered poor = register(PartnerHouseholds.poor(json, PartnerHouseholds.newMobile(), today()));
        Registered wellOff = register(PartnerHouseholds.wellOff(json, PartnerHouseholds.newMobile(), today()));
        String unregistered = PartnerHouseholds.newCnic('M');

        HttpResponse<String> poorAnswer = verify(partner(), poor.cnic(0), PROGRAMME, "ELIGIBILITY_ASSESSMENT");
        HttpResponse<String> spouseAnswer = verify(partner(), poor.cnic(1).replace("-", ""), PROGRAMME,
                "ELIGIBILITY_ASSESSMENT");
        HttpResponse<String> wellOffAnswer = verify(partner(), wellOff.cnic(0), PROGRAMME, "ELIGIBILITY_ASSESSMENT");
        HttpResponse<String> unregisteredAnswer = verify(partner(), unregistered, PROGRAMME, "ELIGIBILITY_ASSESSMENT");

        for (HttpResponse<String> response : List.of(poorAnswer, spouseAnswer, wellOffAnswer, unregisteredAnswer)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(response.headers().firstValue("Cache-Control"))
                    .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
            assertThat(http.json(response).propertyNames()).as("exactly the agreement's fields, in the allow-list's order")
                    .containsExactlyElementsOf(DEMO_FIELDS);
            assertNoPersonalData(response.body(), poor, wellOff);
            assertThat(response.body()).doesNotContain(unregistered).doesNotContain(unregistered.replace("-", ""))
                    .doesNotContain(unregistered.substring(6, 13));
        }
        JsonNode eligible = http.json(poorAnswer);
        assertThat(eligible.get("eligible").asBoolean()).isTrue();
        assertThat(eligible.get("scoreBand").asString()).isEqualTo("0-20");
        assertThat(eligible.get("householdSize").asInt()).isEqualTo(6);
        assertThat(eligible.get("district").asString()).isEqualTo("Lahore");
        assertThat(eligible.get("maskedCnic").asString()).isEqualTo(poor.cnic(0).substring(0, 5) + "-*******-1");
        assertThat(http.json(spouseAnswer).get("eligible").asBoolean()).isTrue();
        assertThat(http.json(spouseAnswer).get("maskedCnic").asString()).isEqualTo(poor.cnic(1).substring(0, 5) + "-*******-2");
        JsonNode notEligible = http.json(wellOffAnswer);
        assertThat(notEligible.get("eligible").asBoolean()).isFalse();
        assertThat(notEligible.get("scoreBand").asString()).isEqualTo("80-100");
        assertThat(notEligible.get("householdSize").asInt()).isEqualTo(4);
        assertThat(notEligible.get("district").asString()).isEqualTo("Rawalpindi");
        JsonNode unknown = http.json(unregisteredAnswer);
        assertThat(unknown.get("eligible").asBoolean()).isFalse();
        assertThat(unknown.get("scoreBand").isNull()).isTrue();
        assertThat(unknown.get("householdSize").isNull()).isTrue();
        assertThat(unknown.get("district").isNull()).isTrue();
        assertThat(unknown.get("maskedCnic").asString()).isEqualTo(unregistered.substring(0, 5) + "-*******-1");
    }

    @Test
    void aProgrammeOrAPurposeOutsideTheAgreementIsForbiddenAndNothingIsDisclosed() {
        Registered poor = register(PartnerHouseholds.poor(json, PartnerHouseholds.newMobile(), today()));
        String otherProgramme = "OTHER_PROGRAMME_" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000);
        assertThat(admin("POST", "/api/v1/admin/programmes", "{\"code\":\"" + otherProgramme
                + "\",\"name\":\"Another programme\",\"modelVersion\":\"pmt-2025.1\",\"cutoff\":30}").statusCode())
                .isEqualTo(201);
        long disclosed = disclosures();

        List<HttpResponse<String>> refusals = List.of(
                verify(partner(), poor.cnic(0), otherProgramme, "ELIGIBILITY_ASSESSMENT"),
                verify(partner(), poor.cnic(0), "NO_SUCH_PROGRAMME", "ELIGIBILITY_ASSESSMENT"),
                verify(partner(), poor.cnic(0), PROGRAMME, "IDENTITY_VERIFICATION"),
                verify(partner(), poor.cnic(0), PROGRAMME, "LEGAL_COMPLIANCE"),
                verify(partner(), PartnerHouseholds.newCnic('M'), otherProgramme, "ELIGIBILITY_ASSESSMENT"));

        for (HttpResponse<String> refused : refusals) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = http.json(refused);
            assertThat(problem.get("status").asInt()).isEqualTo(403);
            assertThat(problem.get("detail").asString()).startsWith("Your data-sharing agreement does not allow this");
            assertThat(problem.has("eligible")).isFalse();
            assertNoPersonalData(refused.body(), poor);
        }
        assertThat(http.json(refusals.get(0)).get("detail").asString()).contains("programme");
        assertThat(http.json(refusals.get(2)).get("detail").asString()).contains("purpose");
        assertThat(disclosures()).as("a refusal discloses nothing").isEqualTo(disclosed);
    }

    @Test
    void anInvalidQuestionIsABadRequestThatDoesNotEchoTheCnic() {
        for (String cnic : List.of("92345-1234567-1", "0234512345671", "35202-123456-1", "3520212345", "ABCDE")) {
            HttpResponse<String> response = verify(partner(), cnic, PROGRAMME, "ELIGIBILITY_ASSESSMENT");

            assertThat(response.statusCode()).as(cnic + " " + response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(fieldErrors(response)).as(cnic).containsExactly("cnic");
            assertThat(response.body()).doesNotContain(cnic);
        }
        String cnic = PartnerHouseholds.newCnic('M');
        assertThat(fieldErrors(verify(partner(), cnic, PROGRAMME, "MARKETING"))).containsExactly("purpose");
        assertThat(fieldErrors(verify(partner(), cnic, "cash transfer", "ELIGIBILITY_ASSESSMENT")))
                .containsExactly("programme");
        HttpResponse<String> empty = postVerification(partner(), "{}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(fieldErrors(empty)).containsExactlyInAnyOrder("cnic", "programme", "purpose");
        HttpResponse<String> longRequestId = http.send(http.request("/api/v1/verifications")
                .header("Authorization", "Bearer " + partner()).header("Content-Type", "application/json")
                .header("X-Request-Id", "r".repeat(101))
                .POST(HttpRequest.BodyPublishers.ofString(question(cnic, PROGRAMME, "ELIGIBILITY_ASSESSMENT"))));
        assertThat(longRequestId.statusCode()).as(longRequestId.body()).isEqualTo(400);
        assertThat(longRequestId.body()).doesNotContain(cnic);
        HttpResponse<String> notJson = postVerification(partner(), "{\"cnic\": \"" + cnic + "\", ");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).doesNotContain(cnic);
    }

    @Test
    void onlyPartnersMayAskOrReadAnAgreement() {
        Registered poor = register(PartnerHouseholds.poor(json, PartnerHouseholds.newMobile(), today()));
        long disclosed = disclosures();

        for (String token : List.of(poor.token(), http.token(Role.FIELD_OFFICER), http.token(Role.DPO),
                http.token(Role.AUDITOR), http.token(Role.ADMIN))) {
            HttpResponse<String> asked = verify(token, poor.cnic(0), PROGRAMME, "ELIGIBILITY_ASSESSMENT");
            assertThat(asked.statusCode()).as(asked.body()).isEqualTo(403);
            assertThat(asked.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertNoPersonalData(asked.body(), poor);
            assertThat(http.getAs(token, "/api/v1/partner/agreement").statusCode()).isEqualTo(403);
        }
        HttpResponse<String> anonymous = http.send(http.request("/api/v1/verifications")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        question(poor.cnic(0), PROGRAMME, "ELIGIBILITY_ASSESSMENT"))));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
        assertThat(http.get("/api/v1/partner/agreement").statusCode()).isEqualTo(401);
        HttpResponse<String> forged = verify("not-a-token", poor.cnic(0), PROGRAMME, "ELIGIBILITY_ASSESSMENT");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(disclosures()).isEqualTo(disclosed);
    }

    @Test
    void theHouseholdSeesWhichAgencyAskedForWhatButNotTheAgreementOrTheRequest() {
        Registered poor = register(PartnerHouseholds.poor(json, PartnerHouseholds.newMobile(), today()));
        Registered other = register(PartnerHouseholds.wellOff(json, PartnerHouseholds.newMobile(), today()));
        assertThat(http.json(http.getAs(poor.token(), "/api/v1/me/disclosures"))).isEmpty();
        String requestId = "req-" + UUID.randomUUID();

        HttpResponse<String> answer = http.send(http.request("/api/v1/verifications")
                .header("Authorization", "Bearer " + partner()).header("Content-Type", "application/json")
                .header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString(question(poor.cnic(1), PROGRAMME, "ELIGIBILITY_ASSESSMENT"))));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).doesNotContain(requestId);
        verify(partner(), PartnerHouseholds.newCnic('F'), PROGRAMME, "ELIGIBILITY_ASSESSMENT");
        clock.advance(Duration.ofSeconds(1));

        HttpResponse<String> mine = http.getAs(poor.token(), "/api/v1/me/disclosures");

        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        JsonNode disclosures = http.json(mine);
        assertThat(disclosures).hasSize(1);
        JsonNode disclosure = disclosures.get(0);
        assertThat(disclosure.get("agency").asString()).isEqualTo(AGENCY);
        assertThat(disclosure.get("purpose").asString()).isEqualTo("ELIGIBILITY_ASSESSMENT");
        assertThat(disclosure.get("programme").asString()).isEqualTo(PROGRAMME);
        assertThat(disclosure.get("fields").valueStream().map(JsonNode::asString).toList())
                .containsExactlyElementsOf(DEMO_FIELDS);
        assertThat(disclosure.get("channel").asString()).isEqualTo("API");
        assertThat(disclosure.get("outcome").asString()).isEqualTo("ANSWERED");
        assertThat(disclosure.get("disclosedAt").asString()).isNotBlank();
        assertThat(disclosure.propertyNames()).noneSatisfy(name -> assertThat(name.toLowerCase()).containsAnyOf(
                "agreement", "request", "client", "household"));
        assertThat(mine.body()).doesNotContain("demo-agreement").doesNotContain("demo-partner").doesNotContain(requestId)
                .doesNotContain(poor.id());
        assertThat(http.json(http.getAs(other.token(), "/api/v1/me/disclosures"))).as("not another household's").isEmpty();
        HttpResponse<String> nobody = http.getAs(http.applicantToken(PartnerHouseholds.e164(PartnerHouseholds.newMobile())),
                "/api/v1/me/disclosures");
        assertThat(nobody.statusCode()).as("an applicant without a household").isEqualTo(404);
        assertThat(http.getAs(partner(), "/api/v1/me/disclosures").statusCode()).isEqualTo(403);
    }

    @Test
    void aLegalDisclosureReachesTheHouseholdOnlyFromTheDayTheCourtAllows() {
        Registered poor = register(PartnerHouseholds.poor(json, PartnerHouseholds.newMobile(), today()));
        LocalDate tomorrow = today().plusDays(1);

        HttpResponse<String> recorded = legal(http.token(Role.DPO), poor.id(), tomorrow);

        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(204);
        assertThat(http.json(http.getAs(poor.token(), "/api/v1/me/disclosures"))).isEmpty();
        clock.advance(Duration.ofDays(2));
        JsonNode disclosures = http.json(http.getAs(poor.token(), "/api/v1/me/disclosures"));
        assertThat(disclosures).hasSize(1);
        assertThat(disclosures.get(0).get("agency").asString()).isEqualTo("Federal Investigation Agency");
        assertThat(disclosures.get(0).get("legalReference").asString()).isEqualTo("Order 77/2025, Sessions Court Lahore");
        assertThat(disclosures.get(0).get("purpose").asString()).isEqualTo("LEGAL_COMPLIANCE");
        assertThat(disclosures.get(0).get("outcome").asString()).isEqualTo("LEGAL");
        assertThat(disclosures.get(0).get("fields").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder("IDENTITY", "CONTACT");
    }

    @Test
    void onlyTheDpoRecordsLegalDisclosuresAndOnlyAboutAKnownHousehold() {
        Registered poor = register(PartnerHouseholds.poor(json, PartnerHouseholds.newMobile(), today()));

        HttpResponse<String> unknown = legal(http.token(Role.DPO), UUID.randomUUID().toString(), null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        for (String token : List.of(http.token(Role.ADMIN), http.token(Role.AUDITOR), partner(), poor.token())) {
            assertThat(legal(token, poor.id(), null).statusCode()).isEqualTo(403);
        }
        HttpResponse<String> incomplete = http.send(http.request("/api/v1/dpo/disclosures")
                .header("Authorization", "Bearer " + http.token(Role.DPO)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"household\":\"" + poor.id() + "\",\"categories\":[]}")));
        assertThat(incomplete.statusCode()).isEqualTo(400);
        assertThat(fieldErrors(incomplete)).contains("authority", "legalReference", "categories");
        // JSON reads dates to the year 999,999,999; one past some 292 million wrapped round when stored and showed at once.
        HttpResponse<String> tooFar = legal(http.token(Role.DPO), poor.id(), LocalDate.MAX);
        assertThat(tooFar.statusCode()).isEqualTo(400);
        assertThat(fieldErrors(tooFar)).containsExactly("notBefore");
        assertThat(http.json(http.getAs(poor.token(), "/api/v1/me/disclosures"))).isEmpty();
    }

    @Test
    void thePartnerReadsWhatItsAgreementAllows() {
        HttpResponse<String> response = http.getAs(partner(), "/api/v1/partner/agreement");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode agreement = http.json(response);
        assertThat(agreement.get("agreement").asString()).isEqualTo("demo-agreement");
        assertThat(agreement.get("agency").asString()).isEqualTo(AGENCY);
        assertThat(agreement.get("validUntil").asString()).isEqualTo("2030-12-31");
        assertThat(agreement.get("dailyQuota").asInt()).isEqualTo(100_000);
        assertThat(agreement.get("programmes").valueStream().map(JsonNode::asString).toList()).containsExactly(PROGRAMME);
        assertThat(agreement.get("purposes").valueStream().map(JsonNode::asString).toList())
                .containsExactly("ELIGIBILITY_ASSESSMENT");
        assertThat(agreement.get("fields").valueStream().map(JsonNode::asString).toList())
                .containsExactlyElementsOf(DEMO_FIELDS);
        assertThat(agreement.get("callbackBaseUrl").isNull()).isTrue();
        assertThat(agreement.get("dciSenderId").asString()).as("what its DCI requests must name").isEqualTo("spmis.example.org");
    }

    @Test
    void overTheDailyQuotaThePartnerIsToldWhenToRetry() {
        Registered poor = register(PartnerHouseholds.poor(json, PartnerHouseholds.newMobile(), today()));
        ObjectNode demo = terms(http.json(admin("GET", "/api/v1/admin/partners/demo-agreement", null)));
        try {
            HttpResponse<String> changed = admin("PUT", "/api/v1/admin/partners/demo-agreement",
                    json.writeValueAsString(demo.deepCopy().put("dailyQuota", 2)));
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
            assertThat(http.json(http.getAs(partner(), "/api/v1/partner/agreement")).get("dailyQuota").asInt()).isEqualTo(2);

            assertThat(verify(partner(), poor.cnic(0), PROGRAMME, "ELIGIBILITY_ASSESSMENT").statusCode()).isEqualTo(200);
            assertThat(verify(partner(), PartnerHouseholds.newCnic('M'), PROGRAMME, "ELIGIBILITY_ASSESSMENT").statusCode())
                    .isEqualTo(200);
            long disclosed = disclosures();
            HttpResponse<String> over = verify(partner(), poor.cnic(1), PROGRAMME, "ELIGIBILITY_ASSESSMENT");

            assertThat(over.statusCode()).as(over.body()).isEqualTo(429);
            assertThat(over.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(over.headers().firstValue("Retry-After")).hasValueSatisfying(
                    seconds -> assertThat(Long.parseLong(seconds)).isPositive().isLessThanOrEqualTo(86_400));
            assertThat(http.json(over).get("status").asInt()).isEqualTo(429);
            assertNoPersonalData(over.body(), poor);
            assertThat(disclosures()).as("nothing disclosed over the quota").isEqualTo(disclosed);
        }
        finally {
            HttpResponse<String> restored = admin("PUT", "/api/v1/admin/partners/demo-agreement", json.writeValueAsString(demo));
            assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
        }
        assertThat(verify(partner(), poor.cnic(1), PROGRAMME, "ELIGIBILITY_ASSESSMENT").statusCode()).isEqualTo(200);
    }

    /** An agreement as administrators read it, as the terms to PUT back. */
    private static ObjectNode terms(JsonNode view) {
        ObjectNode terms = (ObjectNode) view.deepCopy();
        terms.remove("id");
        terms.remove("updatedAt");
        return terms;
    }

    private void assertNoPersonalData(String body, Registered... households) {
        List<String> personal = new ArrayList<>();
        for (Registered household : households) {
            personal.addAll(household.personalData());
        }
        assertThat(personal).noneSatisfy(data -> assertThat(body).contains(data));
    }

    private List<String> fieldErrors(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return http.json(response).get("errors").valueStream().map(error -> error.get("field").asString()).toList();
    }

    private Registered register(ObjectNode application) {
        return PartnerHouseholds.register(http, json, application);
    }

    private String partner() {
        return http.token(Role.PARTNER);
    }

    private HttpResponse<String> verify(String token, String cnic, String programme, String purpose) {
        return postVerification(token, question(cnic, programme, purpose));
    }

    private String question(String cnic, String programme, String purpose) {
        return json.writeValueAsString(json.createObjectNode().put("cnic", cnic).put("programme", programme)
                .put("purpose", purpose));
    }

    private HttpResponse<String> postVerification(String token, String body) {
        return http.send(http.request("/api/v1/verifications").header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> legal(String token, String household, LocalDate notBefore) {
        ObjectNode body = json.createObjectNode().put("household", household)
                .put("authority", "Federal Investigation Agency").put("legalReference", "Order 77/2025, Sessions Court Lahore");
        body.putArray("categories").add("IDENTITY").add("CONTACT");
        if (notBefore != null) {
            body.put("notBefore", notBefore.toString());
        }
        return http.send(http.request("/api/v1/dpo/disclosures").header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
    }

    private HttpResponse<String> admin(String method, String path, String body) {
        HttpRequest.Builder request = http.request(path).header("Authorization", "Bearer " + http.token(Role.ADMIN));
        if (body == null) {
            return http.send(request.method(method, HttpRequest.BodyPublishers.noBody()));
        }
        return http.send(request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    private long disclosures() {
        return jdbc.sql("SELECT COUNT(*) FROM disclosure").query(Long.class).single();
    }

    private LocalDate today() {
        return PartnerHouseholds.today(clock);
    }
}
