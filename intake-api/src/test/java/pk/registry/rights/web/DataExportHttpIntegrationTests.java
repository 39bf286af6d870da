package pk.registry.rights.web;

import static org.assertj.core.api.Assertions.assertThat;
import static pk.registry.kernel.Role.DPO;
import static pk.registry.rights.web.RightsHouseholds.as;
import static pk.registry.rights.web.RightsHouseholds.json;
import static pk.registry.rights.web.RightsHouseholds.send;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import pk.registry.Http;
import pk.registry.RegistryIntegrationTest;
import pk.registry.rights.web.RightsHouseholds.Registered;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The right of access over HTTP: every section of the caller's household, nothing of another's, never cached. */
@RegistryIntegrationTest
class DataExportHttpIntegrationTests {

    @Autowired
    Http http;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theExportHoldsEverythingAboutTheHouseholdAndNothingAboutAnother() {
        Registered household = RightsHouseholds.register(http, json, "Lahore");
        Registered neighbour = RightsHouseholds.register(http, json, "Lahore");
        json(http, send(http, household.token(), "POST", "/api/v1/me/corrections",
                "{\"kind\":\"CORRECTION\",\"field\":\"rooms\",\"proposedValue\":\"3\",\"note\":\"We built a room\"}"), 201);
        json(http, send(http, household.token(), "POST", "/api/v1/me/corrections",
                "{\"kind\":\"ANNOTATION\",\"field\":\"dwelling\",\"note\":\"The landlord is my uncle\"}"), 201);
        String complaint = json(http, send(http, household.token(), "POST", "/api/v1/me/complaints",
                "{\"text\":\"Nobody called me back\"}"), 201).get("id").asString();
        json(http, as(http, DPO, "POST", "/api/v1/dpo/complaints/" + complaint + "/answer",
                "{\"answer\":\"We called on Tuesday\"}"), 200);
        String erasure = json(http, send(http, household.token(), "POST", "/api/v1/me/erasure-requests", null), 201)
                .get("id").asString();
        json(http, as(http, DPO, "POST", "/api/v1/dpo/erasure-requests/" + erasure + "/decision",
                "{\"approve\":false,\"ground\":\"BENEFIT_UNDER_AUDIT\",\"note\":\"Audit 2026/17\"}"), 200);
        assertThat(as(http, DPO, "POST", "/api/v1/dpo/disclosures", "{\"household\":\"" + household.id()
                + "\",\"authority\":\"Sessions Court Lahore\",\"legalReference\":\"Order 123/2026\",\"categories\":[\"IDENTITY\"]}")
                .statusCode()).isEqualTo(204);
        json(http, send(http, neighbour.token(), "POST", "/api/v1/me/complaints", "{\"text\":\"The neighbour's complaint\"}"), 201);
        json(http, send(http, neighbour.token(), "POST", "/api/v1/me/corrections",
                "{\"kind\":\"ANNOTATION\",\"note\":\"The neighbour's note\"}"), 201);

        HttpResponse<String> response = send(http, household.token(), "GET", "/api/v1/me/data", null);

        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode export = json(http, response, 200);
        assertThat(export.propertyNames()).contains("format", "exportedAt", "household", "status", "submittedAt", "application",
                "score", "consents", "disclosures", "corrections", "annotations", "complaints", "erasureRequests");
        assertThat(export.get("household").asString()).isEqualTo(household.id());
        JsonNode application = export.get("application");
        assertThat(application.get("members")).hasSize(3);
        assertThat(application.get("members").get(1).get("fullName").asString()).isEqualTo("نسرین بی بی");
        assertThat(application.get("mobile").asString()).isEqualTo("+92" + household.mobile().substring(1));
        assertThat(application.get("monthlyExpensesPkr").asLong()).isEqualTo(40_000L);
        assertThat(export.get("score").get("score").isNumber()).isTrue();
        assertThat(export.get("score").get("contributions")).isNotEmpty();
        assertThat(export.get("consents")).singleElement().satisfies(consent -> {
            assertThat(consent.get("consent").get("policyVersion").asString()).isEqualTo("2025-01");
            assertThat(consent.get("receipt").asString()).contains(".");
        });
        assertThat(export.get("disclosures")).singleElement()
                .satisfies(disclosure -> assertThat(disclosure.get("legalReference").asString()).isEqualTo("Order 123/2026"));
        assertThat(export.get("corrections")).singleElement().satisfies(correction -> {
            assertThat(correction.get("proposedValue").asString()).isEqualTo("3");
            assertThat(correction.get("note").asString()).isEqualTo("We built a room");
        });
        assertThat(export.get("annotations")).singleElement()
                .satisfies(annotation -> assertThat(annotation.get("note").asString()).isEqualTo("The landlord is my uncle"));
        assertThat(export.get("complaints")).singleElement()
                .satisfies(lodged -> assertThat(lodged.get("answer").asString()).isEqualTo("We called on Tuesday"));
        assertThat(export.get("erasureRequests")).singleElement().satisfies(request -> {
            assertThat(request.get("status").asString()).isEqualTo("REFUSED");
            assertThat(request.get("refusalGround").asString()).isEqualTo("BENEFIT_UNDER_AUDIT");
            assertThat(request.has("certificate")).isTrue();
        });
        assertThat(response.body()).doesNotContain(neighbour.id()).doesNotContain("neighbour's")
                .doesNotContain(neighbour.mobile().substring(1));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE household_id = :household AND action = 'DATA_EXPORTED'")
                .param("household", household.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anApplicantWithoutAHouseholdHasNothingToExport() {
        HttpResponse<String> response = send(http, RightsHouseholds.newcomer(http), "GET", "/api/v1/me/data", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(List.of(http.json(response).get("detail").asString())).containsExactly("No household belongs to you yet.");
    }
}
