package pk.registry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import pk.registry.Http;
import pk.registry.RegistryIntegrationTest;
import pk.registry.kernel.Role;

/**
 * Changes to how the registry runs are in the audit trail, with the role that made them, in the
 * change's own transaction; refused ones are not (they change nothing).
 */
@RegistryIntegrationTest
class AdministrationAuditIntegrationTests {

    @Autowired
    Http http;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aModelPublishedAndADpoJobStartedAreAuditedWithTheirRole() throws InterruptedException {
        long before = lastSeq();
        String version = "audit-" + UUID.randomUUID().toString().substring(0, 8);

        assertThat(http.postJsonAs(http.token(Role.ADMIN), "/api/v1/admin/pmt-models",
                "{\"version\":\"" + version + "\",\"base\":1,\"weights\":{\"CAR\":1}}", null).statusCode()).isEqualTo(201);
        var started = http.postJsonAs(http.token(Role.DPO), "/api/v1/dpo/jobs/retention", "{\"dryRun\":true}", null);
        assertThat(started.statusCode()).isEqualTo(202);
        awaitEnd(started.headers().firstValue("Location").orElseThrow());
        assertThat(http.postJsonAs(http.token(Role.ADMIN), "/api/v1/admin/pmt-models",
                "{\"version\":\"" + version + "\",\"base\":1,\"weights\":{\"CAR\":1}}", null).statusCode())
                .as("a second publication of the version is refused, and changes nothing").isEqualTo(409);
        assertThat(http.getAs(http.token(Role.ADMIN), "/api/v1/admin/pmt-models").statusCode()).isEqualTo(200);

        assertThat(eventsAfter(before)).containsExactly("PMT_MODEL_CHANGED ADMIN LEGAL_COMPLIANCE SUCCESS",
                "DPO_JOB_STARTED DPO LEGAL_COMPLIANCE SUCCESS");
    }

    /** Leaves no run going for the tests after this one. */
    private void awaitEnd(String location) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            String status = http.json(http.getAs(http.token(Role.DPO), java.net.URI.create(location).getPath()))
                    .get("status").asString();
            if (!List.of("STARTING", "STARTED", "STOPPING").contains(status)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the run did not end");
    }

    private long lastSeq() {
        return jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM audit_event").query(Long.class).single();
    }

    /** Administrative events after a point of the trail (other tests' households' events left out). */
    private List<String> eventsAfter(long seq) {
        return jdbc.sql("""
                SELECT action || ' ' || actor_role || ' ' || purpose || ' ' || outcome FROM audit_event
                WHERE seq > :seq AND action IN ('PMT_MODEL_CHANGED', 'DPO_JOB_STARTED', 'AGREEMENT_CHANGED',
                    'PROGRAMME_CHANGED', 'POLICY_PUBLISHED') ORDER BY seq""").param("seq", seq).query(String.class).list();
    }
}
