package pk.registry.jobs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pk.registry.ServiceNode;
import pk.registry.imports.ImportFiles;

/**
 * kill -9 in the middle of each of the DPO's jobs, then a plain start of the service: the new
 * node notices the dead run (its lease ran out), marks it failed, restarts it after its last
 * committed chunk, and the run ends having done everything exactly once. The service runs as
 * separate processes, as in production ({@link ServiceNode}).
 */
class DpoJobsCrashRecoveryFunctionalTests {

    private static final int SWEPT = 3000;
    private static final int ERASED = 1500;
    private static final Pattern WRITTEN = Pattern.compile("\"written\":(\\d+)");
    private static final Pattern CONTINUED_BY = Pattern.compile("\"continuedBy\":(\\d+)");
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @Test
    void aSweepKilledMidRunIsTakenOverOnTheNextStartAndErasesEveryHouseholdExactlyOnce(@TempDir Path dataDir)
            throws Exception {
        register(dataDir, SWEPT);
        ageEveryHousehold(dataDir);

        String done = killMidRunAndFinish(dataDir, "/api/v1/dpo/jobs/retention", "{\"dryRun\":false}", SWEPT);

        assertThat(done).contains("\"inactiveHouseholds\":{\"deleted\":" + SWEPT + "}");
        try (Connection db = ServiceNode.database(dataDir)) {
            assertEveryHouseholdErasedOnce(db, SWEPT);
        }
    }

    @Test
    void anErasureKilledMidRunIsTakenOverOnTheNextStartAndCarriesOutEveryRequestExactlyOnce(@TempDir Path dataDir)
            throws Exception {
        register(dataDir, ERASED);
        try (Connection db = ServiceNode.database(dataDir)) {
            approveAnErasureOfEveryHousehold(db);
            assertThat(ServiceNode.count(db, "SELECT COUNT(*) FROM household_score")).isEqualTo(ERASED);
            assertThat(ServiceNode.count(db, "SELECT COUNT(*) FROM household_cnic")).isEqualTo(2L * ERASED);
            assertThat(ServiceNode.count(db, "SELECT COUNT(*) FROM consent_record")).isEqualTo(ERASED);
        }

        String done = killMidRunAndFinish(dataDir, "/api/v1/dpo/jobs/erasure", "{\"dryRun\":false}", ERASED);

        assertThat(done).contains("\"erased\":" + ERASED);
        try (Connection db = ServiceNode.database(dataDir)) {
            assertEveryHouseholdErasedOnce(db, ERASED);
            assertThat(ServiceNode.count(db, "SELECT COUNT(*) FROM household_cnic")).as("CNIC claims").isZero();
            assertThat(ServiceNode.count(db, "SELECT COUNT(*) FROM consent_record")).as("consents").isZero();
            assertThat(ServiceNode.count(db, "SELECT COUNT(*) FROM consent_status")).as("consent states").isZero();
            assertThat(ServiceNode.count(db, "SELECT COUNT(*) FROM household_score")).as("scores").isZero();
            assertThat(ServiceNode.count(db, "SELECT COUNT(*) FROM erasure_request WHERE status = 'COMPLETED'"
                    + " AND certificate IS NOT NULL AND completed_at IS NOT NULL")).as("each request completed, certified")
                    .isEqualTo(ERASED);
            assertThat(ServiceNode.count(db, "SELECT COUNT(*) FROM erasure_request")).as("no request added or lost")
                    .isEqualTo(ERASED);
        }
    }

    /**
     * Starts the job on a node, kills it (kill -9) after 300 items, starts another node on the
     * same data and waits for it to take the dead run over and complete it; checks the audit
     * chain still verifies, and stops the node.
     * @return the status of the run that completed it
     */
    private static String killMidRunAndFinish(Path dataDir, String job, String body, int items) throws Exception {
        String location;
        try (ServiceNode killed = ServiceNode.start(dataDir, ServiceNode.smallChunksShortLeases())) {
            String dpo = killed.token("demo-dpo");
            HttpResponse<String> accepted = killed.postJson(job, dpo, body);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            location = accepted.headers().firstValue("Location").orElseThrow();
            String midway = killed.await(location, dpo, status -> written(status) >= 300, PATIENCE);
            assertThat(written(midway)).as("killed mid-run").isLessThan(items);
            killed.kill();
        }

        try (ServiceNode restarted = ServiceNode.start(dataDir, ServiceNode.smallChunksShortLeases())) {
            String dpo = restarted.token("demo-dpo");
            String dead = restarted.await(location, dpo, status -> CONTINUED_BY.matcher(status).find(), PATIENCE);
            assertThat(dead).contains("\"status\":\"FAILED\"");
            String done = restarted.await("/api/v1/dpo/jobs/" + ServiceNode.number(CONTINUED_BY, dead), dpo,
                    status -> status.contains("\"status\":\"COMPLETED\"") || status.contains("\"status\":\"FAILED\""), PATIENCE);
            assertThat(done).contains("\"status\":\"COMPLETED\"");
            assertThat(restarted.get("/api/v1/audit/verification", restarted.token("demo-auditor")).body())
                    .as("the audit chain").contains("\"intact\":true");
            restarted.stop();
            return done;
        }
    }

    private static void assertEveryHouseholdErasedOnce(Connection db, int households) throws SQLException {
        assertThat(ServiceNode.count(db, "SELECT COUNT(*) FROM household")).isZero();
        assertThat(ServiceNode.count(db, "SELECT COUNT(*) FROM audit_event WHERE action = 'HOUSEHOLD_ERASED'"))
                .as("each erased once").isEqualTo(households);
        assertThat(ServiceNode.count(db, "SELECT COUNT(DISTINCT household_id) FROM audit_event WHERE action = 'HOUSEHOLD_ERASED'"))
                .isEqualTo(households);
        assertThat(ServiceNode.count(db, "SELECT COUNT(*) FROM job_lease")).as("no lease left behind").isZero();
    }

    /** Households registered by a field officer's upload, on a node that is then stopped. */
    private static void register(Path dataDir, int households) throws Exception {
        ImportFiles file = new ImportFiles();
        for (int i = 0; i < households; i++) {
            file.household("R-" + i);
        }
        try (ServiceNode node = ServiceNode.start(dataDir, ServiceNode.smallChunksShortLeases())) {
            node.importHouseholds(file.csv());
            node.stop();
        }
    }

    /** Every household last changed six years ago: past the five years of inactiveHouseholds. */
    private static void ageEveryHousehold(Path dataDir) throws SQLException {
        try (Connection db = ServiceNode.database(dataDir);
                PreparedStatement age = db.prepareStatement("UPDATE household SET updated_at = ?")) {
            age.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofDays(6 * 366))));
            assertThat(age.executeUpdate()).isEqualTo(SWEPT);
        }
    }

    /** An erasure request of every household, approved by the DPO, as their decisions leave them. */
    private static void approveAnErasureOfEveryHousehold(Connection db) throws SQLException {
        try (PreparedStatement approve = db.prepareStatement("""
                INSERT INTO erasure_request (id, household_id, requester_token, status, requested_at, decided_by, decided_at,
                    open_household)
                SELECT RANDOM_UUID(), h.id, h.mobile_token, 'APPROVED', ?, 'demo-dpo', ?, h.id FROM household h""")) {
            Timestamp now = Timestamp.from(Instant.now());
            approve.setTimestamp(1, now);
            approve.setTimestamp(2, now);
            assertThat(approve.executeUpdate()).isEqualTo(ERASED);
        }
    }

    private static long written(String status) {
        return ServiceNode.number(WRITTEN, status);
    }
}
