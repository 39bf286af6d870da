package pk.registry.rights.web;

import static org.assertj.core.api.Assertions.assertThat;
import static pk.registry.kernel.Role.DPO;
import static pk.registry.kernel.Role.FIELD_OFFICER;
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

/**
 * Complaints over HTTP with the whole service: lodged with a reference, answered once by the
 * DPO and by no one else, each household seeing only its own, sealed at rest.
 */
@RegistryIntegrationTest
class ComplaintsHttpIntegrationTests {

    @Autowired
    Http http;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aComplaintIsLodgedAnsweredOnceByTheDpoAndReadByItsHousehold() {
        Registered household = RightsHouseholds.register(http, json, "Lahore");

        JsonNode lodged = json(http, lodge(household, "Nobody from the office called me back"), 201);

        String id = lodged.get("id").asString();
        assertThat(lodged.get("reference").asString()).matches("C-\\d{4}-[0-9A-HJKMNP-TV-Z]{8}");
        assertThat(lodged.get("status").asString()).isEqualTo("OPEN");
        assertThat(openQueue()).contains(id);
        assertThat(as(http, FIELD_OFFICER, "POST", "/api/v1/dpo/complaints/" + id + "/answer", "{\"answer\":\"x\"}")
                .statusCode()).as("an officer answers no complaint").isEqualTo(403);
        assertThat(as(http, FIELD_OFFICER, "GET", "/api/v1/dpo/complaints", null).statusCode()).isEqualTo(403);

        JsonNode answered = json(http, answer(id, "We called you on Tuesday at ten"), 200);

        assertThat(answered.get("status").asString()).isEqualTo("ANSWERED");
        assertThat(openQueue()).doesNotContain(id);
        assertThat(answer(id, "Another answer").statusCode()).isEqualTo(409);
        assertThat(json(http, send(http, household.token(), "GET", "/api/v1/me/complaints", null), 200)).singleElement()
                .satisfies(complaint -> {
                    assertThat(complaint.get("reference").asString()).isEqualTo(lodged.get("reference").asString());
                    assertThat(complaint.get("answer").asString()).isEqualTo("We called you on Tuesday at ten");
                });
        assertThat(answer(java.util.UUID.randomUUID().toString(), "x").statusCode()).isEqualTo(404);
    }

    @Test
    void anApplicantSeesOnlyTheirOwnComplaints() {
        Registered mine = RightsHouseholds.register(http, json, "Kasur");
        Registered theirs = RightsHouseholds.register(http, json, "Kasur");
        json(http, lodge(mine, "My own complaint"), 201);
        JsonNode their = json(http, lodge(theirs, "Their own complaint"), 201);

        HttpResponse<String> listed = send(http, mine.token(), "GET", "/api/v1/me/complaints", null);

        assertThat(json(http, listed, 200)).extracting(complaint -> complaint.get("text").asString())
                .containsExactly("My own complaint");
        assertThat(listed.body()).doesNotContain(their.get("id").asString()).doesNotContain(their.get("reference").asString());
        assertThat(send(http, RightsHouseholds.newcomer(http), "POST", "/api/v1/me/complaints", "{\"text\":\"x\"}").statusCode())
                .as("no household yet").isEqualTo(404);
    }

    @Test
    void whatTheHouseholdAndTheDpoWroteIsNotStoredInClear() {
        Registered household = RightsHouseholds.register(http, json, "Lahore");
        String text = "Mera beta maazoor hai aur uska naam list mein nahi";
        String urdu = "میرا بیٹا معذور ہے";
        String id = json(http, lodge(household, text + " " + urdu), 201).get("id").asString();
        json(http, answer(id, "Field visit booked for Zarghuna"), 200);

        String stored = RightsHouseholds.storedRows(jdbc, "complaint", household.id());

        assertThat(stored).as("control: the status is stored in clear").contains("ANSWERED");
        for (String secret : List.of(text, "maazoor", urdu, "معذور", "Field visit booked", "Zarghuna")) {
            assertThat(stored).doesNotContain(secret).doesNotContain(RightsHouseholds.hex(secret));
        }
    }

    private HttpResponse<String> lodge(Registered household, String text) {
        return send(http, household.token(), "POST", "/api/v1/me/complaints", "{\"text\":\"" + text + "\"}");
    }

    private HttpResponse<String> answer(String id, String text) {
        return as(http, DPO, "POST", "/api/v1/dpo/complaints/" + id + "/answer", "{\"answer\":\"" + text + "\"}");
    }

    private List<String> openQueue() {
        return json(http, as(http, DPO, "GET", "/api/v1/dpo/complaints?status=OPEN&size=100", null), 200).get("complaints")
                .valueStream().map(complaint -> complaint.get("id").asString()).toList();
    }
}
