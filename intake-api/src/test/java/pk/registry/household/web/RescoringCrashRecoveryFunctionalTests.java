package pk.registry.household.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pk.registry.ServiceNode;
import pk.registry.imports.ImportFiles;

/**
 * kill -9 in the middle of the rescoring a model activation started, then a plain start of the
 * service: the new node takes the dead run over (its lease ran out) and restarts it after its
 * last committed chunk, and every household ends with exactly one score under the new version.
 * The service runs as separate processes, as in production ({@link ServiceNode}).
 */
class RescoringCrashRecoveryFunctionalTests {

    private static final int HOUSEHOLDS = 1500;
    private static final String VERSION = "pmt-crash-1";
    private static final String MODEL = "/api/v1/admin/pmt-models/" + VERSION;
    private static final Pattern SCORED = Pattern.compile("\"scored\":(\\d+)");
    private static final Pattern OF_ALL = Pattern.compile("\"households\":(\\d+)");
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @Test
    void aRescoringKilledMidRunIsTakenOverOnTheNextStartAndScoresEveryHouseholdOnce(@TempDir Path dataDir)
            throws Exception {
        ImportFiles file = new ImportFiles();
        for (int i = 0; i < HOUSEHOLDS; i++) {
            file.household("S-" + i);
        }

        try (ServiceNode killed = ServiceNode.start(dataDir, ServiceNode.smallChunksShortLeases())) {
            killed.importHouseholds(file.csv());
            String admin = killed.token("demo-admin");
            HttpResponse<String> published = killed.postJson("/api/v1/admin/pmt-models", admin,
                    "{\"version\": \"" + VERSION + "\", \"base\": 30, \"weights\": {\"HOUSEHOLD_SIZE\": -1, \"DWELLING_OWNED\": 5}}");
            assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
            HttpResponse<String> activated = killed.postJson(MODEL + "/activation", admin, "");
            assertThat(activated.statusCode()).as(activated.body()).isEqualTo(202);
            String midway = killed.await(MODEL, admin, model -> scored(model) >= 200, PATIENCE);
            assertThat(scored(midway)).as("killed mid-run").isLessThan(HOUSEHOLDS);
            killed.kill();
        }

        try (ServiceNode restarted = ServiceNode.start(dataDir, ServiceNode.smallChunksShortLeases())) {
            String done = restarted.await(MODEL, restarted.token("demo-admin"),
                    model -> scored(model) > 0 && scored(model) == ServiceNode.number(OF_ALL, model), PATIENCE);
            assertThat(scored(done)).isEqualTo(HOUSEHOLDS);
            restarted.awaitLogLine(line -> line.contains("Restarting interrupted run"), PATIENCE);
            restarted.awaitLogLine(line -> line.contains("completed with the following parameters") && line.contains(VERSION)
                    && line.contains("[COMPLETED]"), PATIENCE);
            restarted.stop();
        }
        try (Connection db = ServiceNode.database(dataDir)) {
            assertThat(ServiceNode.count(db, "SELECT COUNT(*) FROM household_score WHERE model_version = '" + VERSION + "'"))
                    .isEqualTo(HOUSEHOLDS);
            assertThat(ServiceNode.count(db, "SELECT COUNT(DISTINCT household_id) FROM household_score WHERE model_version = '"
                    + VERSION + "'")).isEqualTo(HOUSEHOLDS);
            assertThat(ServiceNode.count(db, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i"
                    + " ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'rescoring' AND e.STATUS = 'COMPLETED'"))
                    .as("the run taken over completed").isEqualTo(1);
            assertThat(ServiceNode.count(db, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i"
                    + " ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'rescoring' AND e.STATUS = 'FAILED'"))
                    .as("the dead run marked failed").isEqualTo(1);
            assertThat(ServiceNode.count(db, "SELECT COUNT(*) FROM job_lease")).as("no lease left behind").isZero();
        }
    }

    private static long scored(String model) {
        return ServiceNode.number(SCORED, model);
    }
}
