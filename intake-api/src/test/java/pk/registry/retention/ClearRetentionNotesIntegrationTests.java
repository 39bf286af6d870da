package pk.registry.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static pk.registry.kernel.Role.DPO;
import static pk.registry.rights.web.RightsHouseholds.as;
import static pk.registry.rights.web.RightsHouseholds.json;
import static pk.registry.rights.web.RightsHouseholds.send;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import pk.registry.Http;
import pk.registry.RegistryIntegrationTest;
import pk.registry.household.ClearNotesSealing;
import pk.registry.rights.web.RightsHouseholds.Registered;
import pk.registry.rights.web.RightsHouseholds;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notes stored in clear before version 27 of the schema are sealed once under the household's
 * key, and still read the same; those of a household that is gone are dropped.
 */
@RegistryIntegrationTest
class ClearRetentionNotesIntegrationTests {

    @Autowired
    Http http;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ClearNotesSealing clearNotes;

    @Test
    void aRefusalNoteStoredInClearIsSealedOnceAndOneOfAHouseholdGoneIsDropped() {
        Registered household = RightsHouseholds.register(http, json, "Lahore");
        String kept = refusedWithNote(household);
        String gone = refusedWithNote(RightsHouseholds.register(http, json, "Lahore"));
        jdbc.sql("UPDATE erasure_request SET refusal_note = 'Asked by Ahmed Khan', refusal_note_ct = NULL WHERE id IN (:ids)")
                .param("ids", java.util.List.of(kept, gone)).update();
        jdbc.sql("UPDATE erasure_request SET household_id = :other WHERE id = :id")
                .param("other", java.util.UUID.randomUUID().toString()).param("id", gone).update();

        clearNotes.sealAll();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM erasure_request WHERE refusal_note IS NOT NULL").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM erasure_request WHERE id = :id AND refusal_note_ct IS NULL")
                .param("id", gone).query(Long.class).single()).as("nothing kept of a household gone").isOne();
        assertThat(json(http, send(http, household.token(), "GET", "/api/v1/me/erasure-requests/" + kept, null), 200)
                .get("refusalNote").asString()).isEqualTo("Asked by Ahmed Khan");
        assertThat(RightsHouseholds.storedRows(jdbc, "erasure_request", household.id())).doesNotContain("Ahmed Khan")
                .doesNotContain(RightsHouseholds.hex("Ahmed Khan"));
    }

    @Test
    void aHoldReferenceStoredInClearIsSealedOnce() {
        Registered household = RightsHouseholds.register(http, json, "Lahore");
        String hold = json(http, as(http, DPO, "POST", "/api/v1/dpo/legal-holds", "{\"household\":\"" + household.id()
                + "\",\"reason\":\"LITIGATION\",\"reference\":\"sealed\"}"), 201).get("id").asString();
        jdbc.sql("UPDATE legal_hold SET reference = 'State v. Bilal Shah', reference_ct = NULL WHERE id = :id")
                .param("id", hold).update();

        clearNotes.sealAll();

        assertThat(RightsHouseholds.storedRows(jdbc, "legal_hold", household.id())).doesNotContain("Bilal Shah")
                .doesNotContain(RightsHouseholds.hex("Bilal Shah"));
        assertThat(json(http, as(http, DPO, "GET", "/api/v1/dpo/legal-holds?size=100", null), 200).get("holds").valueStream()
                .filter(found -> found.get("id").asString().equals(hold)).findFirst().orElseThrow().get("reference")
                .asString()).isEqualTo("State v. Bilal Shah");
    }

    private String refusedWithNote(Registered household) {
        String id = json(http, send(http, household.token(), "POST", "/api/v1/me/erasure-requests", null), 201)
                .get("id").asString();
        json(http, as(http, DPO, "POST", "/api/v1/dpo/erasure-requests/" + id + "/decision",
                "{\"approve\":false,\"ground\":\"COURT_ORDER\",\"note\":\"sealed\"}"), 200);
        return id;
    }
}
