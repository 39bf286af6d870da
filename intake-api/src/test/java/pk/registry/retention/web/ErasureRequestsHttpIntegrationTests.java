package pk.registry.retention.web;

import static org.assertj.core.api.Assertions.assertThat;
import static pk.registry.kernel.Role.DPO;
import static pk.registry.kernel.Role.FIELD_OFFICER;
import static pk.registry.rights.web.RightsHouseholds.as;
import static pk.registry.rights.web.RightsHouseholds.json;
import static pk.registry.rights.web.RightsHouseholds.send;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import pk.registry.Http;
import pk.registry.RegistryIntegrationTest;
import pk.registry.kernel.Actor;
import pk.registry.kernel.Role;
import pk.registry.retention.Erasures;
import pk.registry.rights.web.RightsHouseholds;
import pk.registry.rights.web.RightsHouseholds.Registered;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Erasure requests and legal holds over HTTP: the requester follows a request to its refusal and
 * ground or to its certificate (also once the household is gone), no one else sees it, only the
 * DPO decides and holds. The erasure itself is carried out here as the erasure job will do it.
 */
@RegistryIntegrationTest
class ErasureRequestsHttpIntegrationTests {

    static final Actor JOB = new Actor("erasure-job", Role.DPO, Set.of(), null);

    @Autowired
    Http http;

    @Autowired
    JsonMapper json;

    @Autowired
    Erasures erasures;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRefusalCitesItsGroundAndTheRequesterSeesIt() {
        Registered household = RightsHouseholds.register(http, json, "Lahore");
        HttpResponse<String> created = send(http, household.token(), "POST", "/api/v1/me/erasure-requests", null);
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = json(http, created, 201).get("id").asString();

        assertThat(location).isEqualTo("/api/v1/me/erasure-requests/" + id);
        assertThat(send(http, household.token(), "POST", "/api/v1/me/erasure-requests", null).statusCode())
                .as("one open request at a time").isEqualTo(409);
        assertThat(requested()).contains(id);
        assertThat(as(http, FIELD_OFFICER, "POST", "/api/v1/dpo/erasure-requests/" + id + "/decision", "{\"approve\":true}")
                .statusCode()).as("officers decide no erasure").isEqualTo(403);
        assertThat(fieldErrors(decide(id, "{\"approve\":false}"))).containsExactly("ground RequiredToRefuse");
        assertThat(fieldErrors(decide(id, "{\"approve\":true,\"ground\":\"COURT_ORDER\"}")))
                .as("an approval's ground would not be kept").containsExactly("ground OnlyToRefuse");
        assertThat(fieldErrors(decide(id, "{\"approve\":true,\"note\":\"fine\"}")))
                .as("nor its note").containsExactly("note OnlyToRefuse");

        json(http, decide(id, "{\"approve\":false,\"ground\":\"COURT_ORDER\",\"note\":\"W.P. 1234/2026\"}"), 200);

        JsonNode followed = json(http, send(http, household.token(), "GET", location, null), 200);
        assertThat(followed.get("status").asString()).isEqualTo("REFUSED");
        assertThat(followed.get("refusalGround").asString()).isEqualTo("COURT_ORDER");
        assertThat(followed.get("refusalNote").asString()).isEqualTo("W.P. 1234/2026");
        assertThat(decide(id, "{\"approve\":true}").statusCode()).as("decided already").isEqualTo(409);
        assertThat(decide(UUID.randomUUID().toString(), "{\"approve\":true}").statusCode()).isEqualTo(404);
        assertThat(RightsHouseholds.storedRows(jdbc, "erasure_request", household.id())).as("the note is sealed")
                .contains("COURT_ORDER").doesNotContain("1234/2026").doesNotContain(RightsHouseholds.hex("1234/2026"));
    }

    @Test
    void aRefusalsNoteIsUnreadableOnceTheHouseholdIsErased() {
        Registered household = RightsHouseholds.register(http, json, "Kasur");
        String refused = json(http, send(http, household.token(), "POST", "/api/v1/me/erasure-requests", null), 201)
                .get("id").asString();
        json(http, decide(refused, "{\"approve\":false,\"ground\":\"BENEFIT_UNDER_AUDIT\",\"note\":\"Asked by Ahmed Khan\"}"), 200);
        String approved = json(http, send(http, household.token(), "POST", "/api/v1/me/erasure-requests", null), 201)
                .get("id").asString();
        json(http, decide(approved, "{\"approve\":true}"), 200);

        new TransactionTemplate(transactionManager).execute(status -> erasures.carryOut(JOB, UUID.fromString(approved)));

        JsonNode followed = json(http, send(http, household.token(), "GET", "/api/v1/me/erasure-requests/" + refused, null), 200);
        assertThat(followed.get("refusalGround").asString()).as("the ground is no one's data").isEqualTo("BENEFIT_UNDER_AUDIT");
        assertThat(followed.get("refusalNote").isNull()).as("the note went with the household's key").isTrue();
    }

    /**
     * The household's mobile is corrected to a new number: the number given up (it may be recycled
     * to someone else) keeps no access to the request nor the DPO's note on it; the new one follows it.
     */
    @Test
    void aMobileGivenUpKeepsNoAccessToTheRequestAndTheNewNumberFollowsIt() {
        Registered household = RightsHouseholds.register(http, json, "Lahore");
        String id = json(http, send(http, household.token(), "POST", "/api/v1/me/erasure-requests", null), 201).get("id").asString();
        json(http, decide(id, "{\"approve\":false,\"ground\":\"COURT_ORDER\",\"note\":\"FIA case 12/2026\"}"), 200);
        String fresh = "0345" + "%07d".formatted(Math.floorMod(System.nanoTime(), 10_000_000L));
        String correction = json(http, send(http, household.token(), "POST", "/api/v1/me/corrections",
                "{\"kind\":\"CORRECTION\",\"field\":\"mobile\",\"proposedValue\":\"" + fresh + "\"}"), 201).get("id").asString();
        json(http, as(http, DPO, "POST", "/api/v1/dpo/corrections/" + correction + "/decision", "{\"approve\":true}"), 200);

        HttpResponse<String> givenUp = send(http, household.token(), "GET", "/api/v1/me/erasure-requests/" + id, null);
        assertThat(givenUp.statusCode()).isEqualTo(404);
        assertThat(givenUp.body()).doesNotContain("12/2026");
        String owner = http.applicantToken("+92" + fresh.substring(1));
        assertThat(json(http, send(http, owner, "GET", "/api/v1/me/erasure-requests/" + id, null), 200)
                .get("refusalNote").asString()).isEqualTo("FIA case 12/2026");
    }

    @Test
    void anotherApplicantLearnsNothingOfARequest() {
        Registered household = RightsHouseholds.register(http, json, "Lahore");
        Registered other = RightsHouseholds.register(http, json, "Lahore");
        String id = json(http, send(http, household.token(), "POST", "/api/v1/me/erasure-requests", null), 201).get("id").asString();

        for (String token : new String[] { other.token(), RightsHouseholds.newcomer(http) }) {
            HttpResponse<String> response = send(http, token, "GET", "/api/v1/me/erasure-requests/" + id, null);
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).doesNotContain(household.id());
        }
    }

    @Test
    void theRequesterFollowsAnApprovedRequestToItsCertificateAfterTheHouseholdIsGone() {
        Registered household = RightsHouseholds.register(http, json, "Kasur");
        json(http, send(http, household.token(), "POST", "/api/v1/me/complaints", "{\"text\":\"Please delete us\"}"), 201);
        String id = json(http, send(http, household.token(), "POST", "/api/v1/me/erasure-requests", null), 201).get("id").asString();
        json(http, decide(id, "{\"approve\":true}"), 200);

        Erasures.Outcome outcome = new TransactionTemplate(transactionManager)
                .execute(status -> erasures.carryOut(JOB, UUID.fromString(id)));

        assertThat(outcome).isEqualTo(Erasures.Outcome.ERASED);

        JsonNode followed = json(http, send(http, household.token(), "GET", "/api/v1/me/erasure-requests/" + id, null), 200);
        assertThat(followed.get("status").asString()).isEqualTo("COMPLETED");
        String claims = new String(Base64.getUrlDecoder().decode(followed.get("certificate").asString().split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertThat(claims).contains("\"sub\":\"" + household.id() + "\"", "\"complaints\":1", "\"households\":1");
        assertThat(send(http, household.token(), "GET", "/api/v1/me/data", null).statusCode()).isEqualTo(404);
        assertThat(send(http, household.token(), "GET", "/api/v1/applications/" + household.id(), null).statusCode()).isEqualTo(404);
    }

    @Test
    void theDpoPlacesListsAndReleasesLegalHolds() {
        Registered household = RightsHouseholds.register(http, json, "Lahore");
        HttpResponse<String> placed = as(http, DPO, "POST", "/api/v1/dpo/legal-holds", "{\"household\":\"" + household.id()
                + "\",\"reason\":\"FRAUD_INVESTIGATION\",\"reference\":\"FIA case 88/2026\"}");
        String id = json(http, placed, 201).get("id").asString();

        assertThat(placed.headers().firstValue("Location")).hasValue("/api/v1/dpo/legal-holds/" + id);
        assertThat(holds(0, 100)).contains(id);
        assertThat(as(http, FIELD_OFFICER, "DELETE", "/api/v1/dpo/legal-holds/" + id, null).statusCode()).isEqualTo(403);
        assertThat(json(http, as(http, DPO, "DELETE", "/api/v1/dpo/legal-holds/" + id, null), 200).get("releasedAt").isNull())
                .isFalse();
        assertThat(as(http, DPO, "DELETE", "/api/v1/dpo/legal-holds/" + id, null).statusCode()).as("released already")
                .isEqualTo(404);
        assertThat(as(http, DPO, "POST", "/api/v1/dpo/legal-holds", "{\"household\":\"" + UUID.randomUUID()
                + "\",\"reason\":\"LITIGATION\",\"reference\":\"Suit 9/2026\"}").statusCode()).isEqualTo(404);
        assertThat(RightsHouseholds.storedRows(jdbc, "legal_hold", household.id())).as("the reference is sealed")
                .contains("FRAUD_INVESTIGATION").doesNotContain("88/2026").doesNotContain(RightsHouseholds.hex("88/2026"));
    }

    /** A hold outlives its release and the household's erasure after it; its case reference does not. */
    @Test
    void aReleasedHoldsReferenceIsUnreadableOnceTheHouseholdIsErased() {
        Registered household = RightsHouseholds.register(http, json, "Kasur");
        String hold = json(http, as(http, DPO, "POST", "/api/v1/dpo/legal-holds", "{\"household\":\"" + household.id()
                + "\",\"reason\":\"LITIGATION\",\"reference\":\"State v. Ahmed Khan\"}"), 201).get("id").asString();
        json(http, as(http, DPO, "DELETE", "/api/v1/dpo/legal-holds/" + hold, null), 200);
        String request = json(http, send(http, household.token(), "POST", "/api/v1/me/erasure-requests", null), 201)
                .get("id").asString();
        json(http, decide(request, "{\"approve\":true}"), 200);

        new TransactionTemplate(transactionManager).execute(status -> erasures.carryOut(JOB, UUID.fromString(request)));

        JsonNode listed = json(http, as(http, DPO, "GET", "/api/v1/dpo/legal-holds?size=100", null), 200).get("holds")
                .valueStream().filter(found -> found.get("id").asString().equals(hold)).findFirst().orElseThrow();
        assertThat(listed.get("reason").asString()).isEqualTo("LITIGATION");
        assertThat(listed.get("reference").isNull()).isTrue();
    }

    /** Pages of the holds are disjoint and in one order, placed holds first, also among holds placed at one instant. */
    @Test
    void theDpoReadsTheHoldsAPageAtATime() {
        for (int i = 0; i < 3; i++) {
            Registered household = RightsHouseholds.register(http, json, "Lahore");
            json(http, as(http, DPO, "POST", "/api/v1/dpo/legal-holds", "{\"household\":\"" + household.id()
                    + "\",\"reason\":\"LITIGATION\",\"reference\":\"Suit " + i + "/2026\"}"), 201);
        }
        List<String> all = holds(0, 100);

        assertThat(all).hasSizeGreaterThanOrEqualTo(3).doesNotHaveDuplicates();
        assertThat(Stream.of(0, 1, 2).flatMap(page -> holds(page, 1).stream())).containsExactlyElementsOf(all.subList(0, 3));
        assertThat(holds(0, 2)).containsExactlyElementsOf(all.subList(0, 2));
        assertThat(json(http, as(http, DPO, "GET", "/api/v1/dpo/legal-holds?page=1&size=2", null), 200).get("page").asInt())
                .isEqualTo(1);
        assertThat(as(http, DPO, "GET", "/api/v1/dpo/legal-holds?size=101", null).statusCode()).isEqualTo(400);
    }

    /** The ids of a page of the holds. */
    private List<String> holds(int page, int size) {
        JsonNode body = json(http, as(http, DPO, "GET", "/api/v1/dpo/legal-holds?page=" + page + "&size=" + size, null), 200);
        return body.get("holds").valueStream().map(hold -> hold.get("id").asString()).toList();
    }

    private HttpResponse<String> decide(String id, String body) {
        return as(http, DPO, "POST", "/api/v1/dpo/erasure-requests/" + id + "/decision", body);
    }

    private java.util.List<String> requested() {
        return json(http, as(http, DPO, "GET", "/api/v1/dpo/erasure-requests?status=REQUESTED&size=100", null), 200)
                .get("requests").valueStream().map(request -> request.get("id").asString()).toList();
    }

    private java.util.List<String> fieldErrors(HttpResponse<String> response) {
        return json(http, response, 400).get("errors").valueStream()
                .map(error -> error.get("field").asString() + " " + error.get("code").asString()).toList();
    }
}
