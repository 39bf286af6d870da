package pk.registry.consent.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

import pk.registry.Http;
import pk.registry.RegistryIntegrationTest;
import pk.testsupport.TestClock;
import pk.registry.kernel.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Purposes, policy versions and consent: what was agreed is what may happen. Publishes
 * policy versions and moves the clock, so it gets a database of its own.
 */
@RegistryIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ConsentIntegrationTests {

    @Autowired
    Http http;

    @Autowired
    JsonMapper json;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void thePurposeCatalogueIsPublicWithLegalBasesCategoriesAndDpvTerms() {
        HttpResponse<String> response = http.get("/api/v1/purposes");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode purposes = http.json(response);
        assertThat(purposes.findValuesAsString("code")).containsExactly("IDENTITY_VERIFICATION",
                "ELIGIBILITY_ASSESSMENT", "COMMUNICATION", "SERVICE_IMPROVEMENT", "LEGAL_COMPLIANCE");
        JsonNode identity = purposes.get(0);
        assertThat(identity.get("legalBasis").asString()).isEqualTo("PUBLIC_TASK");
        assertThat(identity.get("requiredForRegistration").asBoolean()).isTrue();
        assertThat(identity.get("dpvPurpose").asString()).isEqualTo("dpv:IdentityVerification");
        JsonNode communication = purposes.get(2);
        assertThat(communication.get("legalBasis").asString()).isEqualTo("CONSENT");
        assertThat(communication.get("requiredForRegistration").asBoolean()).isFalse();
        assertThat(communication.get("dataCategories").findValuesAsString("dataCategories")).isEmpty();
        assertThat(purposes.get(3).get("aggregateOnly").asBoolean()).isTrue();
        assertThat(purposes.get(4).get("legalBasis").asString()).isEqualTo("LEGAL_OBLIGATION");
    }

    @Test
    void theCurrentPolicyCarriesItsDateAndTheHashOfItsText() throws Exception {
        JsonNode policy = http.json(http.get("/api/v1/privacy-policy"));

        assertThat(policy.get("version").asString()).isEqualTo("2025-01");
        assertThat(policy.get("effectiveFrom").asString()).isEqualTo("2025-01-01");
        String text = jdbc.sql("SELECT policy_text FROM policy_version WHERE version = '2025-01'").query(String.class).single();
        assertThat(policy.get("textSha256").asString()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))));
        assertThat(http.json(http.get("/api/v1/privacy-policy/versions")).get(0).get("version").asString()).isEqualTo("2025-01");
    }

    @Test
    void consentMustNameAKnownVersionInForceAndEveryRequiredPurpose() {
        long storedBefore = jdbc.sql("SELECT COUNT(*) FROM household").query(Long.class).single();
        ObjectNode missingRequired = application("03006660001");
        ((ArrayNode) missingRequired.get("consent").get("purposes")).removeAll().add("IDENTITY_VERIFICATION");
        assertRefused(submit("+923006660001", missingRequired), "consent.purposes", "RequiredPurposeMissing");

        ObjectNode unknownVersion = application("03006660002");
        ((ObjectNode) unknownVersion.get("consent")).put("policyVersion", "1999-01");
        assertRefused(submit("+923006660002", unknownVersion), "consent.policyVersion", "UnknownPolicyVersion");

        LocalDate future = today().plusDays(30);
        assertThat(publish("2099-a", future).statusCode()).isEqualTo(201);
        ObjectNode notYetInForce = application("03006660003");
        ((ObjectNode) notYetInForce.get("consent")).put("policyVersion", "2099-a");
        assertRefused(submit("+923006660003", notYetInForce), "consent.policyVersion", "PolicyNotInForce");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM household").query(Long.class).single())
                .as("nothing of a refused application is stored").isEqualTo(storedBefore);

        // A new version leaves earlier consents on theirs; the household may re-consent to it.
        HttpResponse<String> created = submit("+923006660004", application("03006660004"));
        assertThat(created.statusCode()).isEqualTo(201);
        clock.advance(Duration.ofDays(31));
        assertThat(http.json(http.get("/api/v1/privacy-policy")).get("version").asString()).isEqualTo("2099-a");
        assertThat(http.json(http.get("/api/v1/privacy-policy/versions")).get(0).get("effectiveUntil").asString())
                .isEqualTo(future.toString());
        JsonNode before = http.json(me("+923006660004", "/api/v1/me/consents"));
        assertThat(before).hasSize(1);
        assertThat(before.get(0).get("consent").get("policyVersion").asString()).isEqualTo("2025-01");

        HttpResponse<String> reconsented = http.send(http.request("/api/v1/me/consents")
                .header("Authorization", "Bearer " + http.applicantToken("+923006660004"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"consent\":{\"policyVersion\":\"2099-a\",\"purposes\":[\"IDENTITY_VERIFICATION\",\"ELIGIBILITY_ASSESSMENT\"]}}")));
        assertThat(reconsented.statusCode()).isEqualTo(201);
        JsonNode after = http.json(me("+923006660004", "/api/v1/me/consents"));
        assertThat(after.findValuesAsString("policyVersion")).containsExactly("2025-01", "2099-a");
    }

    @Test
    void publishedVersionsAreImmutable() {
        LocalDate later = today().plusDays(90);
        assertThat(publish("2099-b", later).statusCode()).isEqualTo(201);

        HttpResponse<String> again = publish("2099-b", later.plusDays(1));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        HttpResponse<String> withoutRequired = http.send(http.request("/api/v1/admin/policies")
                .header("Authorization", "Bearer " + http.token(Role.ADMIN)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"version\":\"2099-c\",\"effectiveFrom\":\"" + later.plusDays(5)
                        + "\",\"text\":\"Policy\",\"purposes\":[\"IDENTITY_VERIFICATION\"]}")));
        assertThat(withoutRequired.statusCode()).isEqualTo(400);
    }

    @Test
    void theReceiptVerifiesAgainstThePublishedKeyAndNamesNoPerson() throws Exception {
        ObjectNode body = application("03006660005");
        ((ArrayNode) body.get("consent").get("purposes")).add("COMMUNICATION");
        HttpResponse<String> created = submit("+923006660005", body);
        String receipt = http.json(created).get("consentReceipt").asString();

        JWSObject jws = JWSObject.parse(receipt);
        RSAKey key = (RSAKey) JWKSet.parse(http.get("/oauth2/jwks").body()).getKeyByKeyId(jws.getHeader().getKeyID());
        assertThat(jws.verify(new RSASSAVerifier(key))).isTrue();
        JsonNode claims = http.json(jws.getPayload().toString());
        assertThat(claims.get("policyVersion").asString()).isEqualTo("2025-01");
        assertThat(claims.get("policyTextSha256").asString()).hasSize(64);
        assertThat(claims.get("collectionMethod").asString()).isEqualTo("ONLINE");
        assertThat(claims.get("piiControllers").get(0).get("piiController").asString()).isNotBlank();
        assertThat(claims.get("purposes").findValuesAsString("purpose"))
                .containsExactlyInAnyOrder("IDENTITY_VERIFICATION", "ELIGIBILITY_ASSESSMENT", "COMMUNICATION");
        assertThat(claims.get("purposes").findValuesAsString("legalBasis")).contains("PUBLIC_TASK", "CONSENT");
        assertThat(UUID.fromString(claims.get("sub").asString())).isNotNull();
        assertThat(jws.getPayload().toString()).doesNotContain("Aslam").doesNotContain("3006660005");

        JsonNode listed = http.json(me("+923006660005", "/api/v1/me/consents"));
        assertThat(listed.get(0).get("receipt").asString()).isEqualTo(receipt);
    }

    @Test
    void anOptionalPurposeIsWithdrawnAtOnceButRequiredPurposesCannotBeWithdrawn() {
        ObjectNode body = application("03006660006");
        ((ArrayNode) body.get("consent").get("purposes")).add("COMMUNICATION");
        submit("+923006660006", body);

        HttpResponse<String> withdrawn = withdraw("+923006660006", "COMMUNICATION");

        assertThat(withdrawn.statusCode()).isEqualTo(204);
        JsonNode purposes = http.json(me("+923006660006", "/api/v1/me/consents")).get(0).get("consent").get("purposes");
        assertThat(purposes.get("COMMUNICATION").asString()).isEqualTo("WITHDRAWN");
        assertThat(purposes.get("ELIGIBILITY_ASSESSMENT").asString()).isEqualTo("GIVEN");
        assertThat(purposes.get("IDENTITY_VERIFICATION").asString()).isEqualTo("GIVEN");

        HttpResponse<String> required = withdraw("+923006660006", "ELIGIBILITY_ASSESSMENT");
        assertThat(required.statusCode()).isEqualTo(409);
        assertThat(http.json(required).get("detail").asString()).contains("erasure");
        assertThat(withdraw("+923006660006", "COMMUNICATION").statusCode()).isEqualTo(409);
    }

    private ObjectNode application(String mobile) {
        ObjectNode body = pk.registry.household.web.SampleHouseholdsAccess.application(json, mobile);
        return body;
    }

    private HttpResponse<String> submit(String e164, ObjectNode body) {
        return http.send(http.request("/api/v1/applications").header("Authorization", "Bearer " + http.applicantToken(e164))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
    }

    private HttpResponse<String> me(String e164, String path) {
        return http.getAs(http.applicantToken(e164), path);
    }

    private HttpResponse<String> withdraw(String e164, String purpose) {
        return http.send(http.request("/api/v1/me/consents/withdrawals")
                .header("Authorization", "Bearer " + http.applicantToken(e164)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"purpose\":\"" + purpose + "\"}")));
    }

    private HttpResponse<String> publish(String version, LocalDate effectiveFrom) {
        return http.send(http.request("/api/v1/admin/policies")
                .header("Authorization", "Bearer " + http.token(Role.ADMIN)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"version\":\"" + version + "\",\"effectiveFrom\":\""
                        + effectiveFrom + "\",\"text\":\"Revised policy " + version + "\",\"purposes\":"
                        + "[\"IDENTITY_VERIFICATION\",\"ELIGIBILITY_ASSESSMENT\",\"COMMUNICATION\",\"SERVICE_IMPROVEMENT\",\"LEGAL_COMPLIANCE\"]}")));
    }

    private void assertRefused(HttpResponse<String> response, String field, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(http.json(response).get("errors")).anySatisfy(error -> {
            assertThat(error.get("field").asString()).isEqualTo(field);
            assertThat(error.get("code").asString()).isEqualTo(code);
        });
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Karachi"));
    }
}
