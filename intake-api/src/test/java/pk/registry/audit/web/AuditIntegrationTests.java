package pk.registry.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import pk.registry.Http;
import pk.registry.RegistryIntegrationTest;
import pk.registry.kernel.Role;
import tools.jackson.databind.JsonNode;

/** Auditors page through the pseudonymous trail and re-walk its hash chain; tampering shows. */
@RegistryIntegrationTest
class AuditIntegrationTests {

    @Autowired
    Http http;

    @Autowired
    JdbcClient jdbc;

    @Test
    void eventsArePagedWithABoundedPageSizeAndCarryNoPersonalData() {
        statistics();
        statistics();

        HttpResponse<String> page = get("/api/v1/audit/events?page=0&size=1");
        assertThat(page.statusCode()).isEqualTo(200);
        JsonNode events = http.json(page).get("events");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("hash").asString()).hasSize(64);
        assertThat(get("/api/v1/audit/events?size=101").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/audit/events?page=-1").statusCode()).isEqualTo(400);
    }

    @Test
    void tamperingWithOneEventIsReportedAtThatEvent() {
        statistics();
        statistics();
        statistics();
        assertThat(http.json(get("/api/v1/audit/verification")).get("intact").asBoolean()).isTrue();
        long target = jdbc.sql("SELECT MAX(seq) - 1 FROM audit_event").query(Long.class).single();
        String original = jdbc.sql("SELECT outcome FROM audit_event WHERE seq = :seq").param("seq", target)
                .query(String.class).single();
        try {
            jdbc.sql("UPDATE audit_event SET outcome = 'DENIED' WHERE seq = :seq").param("seq", target).update();

            JsonNode verification = http.json(get("/api/v1/audit/verification"));

            assertThat(verification.get("intact").asBoolean()).isFalse();
            assertThat(verification.get("firstBrokenEvent").asLong()).isEqualTo(target);
        }
        finally {
            jdbc.sql("UPDATE audit_event SET outcome = :outcome WHERE seq = :seq").param("outcome", original)
                    .param("seq", target).update();
        }
        assertThat(http.json(get("/api/v1/audit/verification")).get("intact").asBoolean()).isTrue();
    }

    @Test
    void removingTheLastEventIsReported() {
        statistics();
        long last = jdbc.sql("SELECT MAX(seq) FROM audit_event").query(Long.class).single();
        var row = jdbc.sql("SELECT * FROM audit_event WHERE seq = :seq").param("seq", last).query().singleRow();
        try {
            jdbc.sql("DELETE FROM audit_event WHERE seq = :seq").param("seq", last).update();

            JsonNode verification = http.json(get("/api/v1/audit/verification"));

            assertThat(verification.get("intact").asBoolean()).isFalse();
            assertThat(verification.get("firstBrokenEvent").asLong()).isEqualTo(last);
        }
        finally {
            jdbc.sql("""
                    INSERT INTO audit_event (seq, occurred_at, actor, actor_role, purpose, household_id, action, outcome, prev_hash, hash)
                    VALUES (:seq, :at, :actor, :role, :purpose, :household, :action, :outcome, :prev, :hash)""")
                    .param("seq", row.get("SEQ")).param("at", row.get("OCCURRED_AT")).param("actor", row.get("ACTOR"))
                    .param("role", row.get("ACTOR_ROLE")).param("purpose", row.get("PURPOSE"))
                    .param("household", row.get("HOUSEHOLD_ID")).param("action", row.get("ACTION"))
                    .param("outcome", row.get("OUTCOME")).param("prev", row.get("PREV_HASH")).param("hash", row.get("HASH"))
                    .update();
        }
    }

    private void statistics() {
        http.getAs(http.token(Role.DPO), "/api/v1/statistics");
    }

    private HttpResponse<String> get(String path) {
        return http.getAs(http.token(Role.AUDITOR), path);
    }

}
