package pk.registry.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import pk.registry.household.HouseholdScores;
import pk.registry.household.PmtFactor;
import pk.registry.household.PmtModel;
import pk.registry.imports.HouseholdImports;
import pk.registry.imports.ImportFiles;
import pk.registry.kernel.Actor;
import pk.registry.kernel.Role;
import pk.testsupport.RegistryModuleTest;
import pk.testsupport.TestClock;

/**
 * The {@code rescoring} job: a model version becoming active rescores every household under it,
 * exactly once each; a run that failed half-way is started again by itself and ends with the same
 * result as one that never failed, and one that keeps failing is given up after three runs.
 */
@RegistryModuleTest(extraIncludes = "imports")
@SpringBatchTest
class RescoringJobFunctionalTests {

    private static final Actor OFFICER = new Actor("officer-r", Role.FIELD_OFFICER, Set.of("Lahore", "Kasur"), null);
    private static final int HOUSEHOLDS = 450;

    @Autowired
    HouseholdImports imports;

    @Autowired
    HouseholdScores scores;

    @Autowired
    JobRuns runs;

    @Autowired
    JobRepository repository;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JobRecovery recovery;

    @Autowired
    TestClock clock;

    @TempDir
    Path directory;

    @AfterEach
    void activateTheSeededModelAgain() {
        scores.activate("pmt-2025.1");
        awaitNoRunningRescoring();
    }

    @Test
    void anIdThatNamesNoRunIsNoRunOfAnyJob() {
        for (RegistryJob job : RegistryJob.values()) {
            assertThat(runs.status(job, Long.MAX_VALUE)).as(job.jobName()).isEmpty();
        }
    }

    @Test
    void activatingAVersionRescoresEveryHouseholdOnceAndAnnouncesTheEnd() throws Exception {
        importHouseholds("A");
        scores.publish(model("test-a"));

        scores.activate("test-a");

        long run = lastRun("test-a");
        assertThat(awaitEnd(run)).isEqualTo("COMPLETED");
        assertExactlyOneScoreEach("test-a");
        assertThat(runs.status(RegistryJob.RESCORING, run)).hasValueSatisfying(status -> {
            assertThat(status.finished()).isTrue();
            assertThat(status.written()).isEqualTo(households());
        });
        assertThat(scores.progress("test-a").complete()).isTrue();
    }

    @Test
    void aRunThatFailedHalfWayIsStartedAgainByItselfAndEndsExactly() throws Exception {
        importHouseholds("B");
        scores.publish(model("test-b"));
        FailOnce.reset(301);
        jdbc.sql("CREATE TRIGGER fail_score BEFORE INSERT ON household_score FOR EACH ROW CALL \""
                + FailOnce.class.getName() + "\"").update();
        long failed;
        try {
            scores.activate("test-b");
            failed = lastRun("test-b");
            assertThat(awaitEnd(failed)).isEqualTo("FAILED");
        }
        finally {
            jdbc.sql("DROP TRIGGER fail_score").update();
        }
        long scoredBeforeRestart = scoredUnder("test-b");
        assertThat(scoredBeforeRestart).as("the chunks before the failure committed").isPositive().isLessThan(households());

        assertThat(recovery.resumeInterrupted()).as("its lease, held by no node, has not run out yet").isZero();
        clock.advance(Duration.ofMinutes(3));
        assertThat(recovery.resumeInterrupted()).isOne();
        long restarted = runAfter("test-b", failed);

        assertThat(awaitEnd(restarted)).isEqualTo("COMPLETED");
        assertThat(repository.getJobExecution(restarted).getJobInstance().getInstanceId())
                .isEqualTo(repository.getJobExecution(failed).getJobInstance().getInstanceId());
        assertThat(runs.status(RegistryJob.RESCORING, restarted).orElseThrow().written()).as("only what was left")
                .isEqualTo(households() - scoredBeforeRestart);
        assertExactlyOneScoreEach("test-b");
    }

    @Test
    void aRunThatKeepsFailingIsGivenUpAfterThreeRuns() throws Exception {
        importHouseholds("C");
        scores.publish(model("test-c"));
        jdbc.sql("CREATE TRIGGER fail_every_score BEFORE INSERT ON household_score FOR EACH ROW CALL \""
                + FailAlways.class.getName() + "\"").update();
        try {
            scores.activate("test-c");
            long run = lastRun("test-c");
            for (int started = 1; started < JobRecovery.MAX_FAILED_RUNS; started++) {
                assertThat(awaitEnd(run)).isEqualTo("FAILED");
                clock.advance(Duration.ofMinutes(3));
                assertThat(recovery.resumeInterrupted()).isOne();
                run = runAfter("test-c", run);
            }
            assertThat(awaitEnd(run)).isEqualTo("FAILED");
            long instance = repository.getJobExecution(run).getJobInstance().getInstanceId();
            clock.advance(Duration.ofMinutes(3));

            assertThat(recovery.resumeInterrupted()).as("given up").isZero();

            assertThat(lastRun("test-c")).isEqualTo(run);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM job_lease WHERE job_instance_id = :instance")
                    .param("instance", instance).query(Long.class).single()).as("its lease released").isZero();
            assertThat(scoredUnder("test-c")).isZero();
        }
        finally {
            jdbc.sql("DROP TRIGGER fail_every_score").update();
        }
    }

    private void importHouseholds(String prefix) throws Exception {
        ImportFiles file = new ImportFiles();
        for (int i = 0; i < HOUSEHOLDS; i++) {
            file.household(prefix + "-" + i);
        }
        Path csv = directory.resolve(prefix + ".csv");
        Files.writeString(csv, file.csv());
        assertThat(imports.runNow(OFFICER, csv).householdsStored()).isEqualTo(HOUSEHOLDS);
    }

    private static PmtModel model(String version) {
        return new PmtModel(version, BigDecimal.valueOf(20), Map.of(PmtFactor.HOUSEHOLD_SIZE, BigDecimal.ONE,
                PmtFactor.CAR, BigDecimal.TEN));
    }

    private void assertExactlyOneScoreEach(String version) {
        assertThat(scoredUnder(version)).isEqualTo(households());
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM household h WHERE NOT EXISTS (
                    SELECT 1 FROM household_score s WHERE s.household_id = h.id AND s.model_version = :version)""")
                .param("version", version).query(Long.class).single()).isZero();
    }

    private long scoredUnder(String version) {
        return jdbc.sql("SELECT COUNT(*) FROM household_score WHERE model_version = :version").param("version", version)
                .query(Long.class).single();
    }

    private long households() {
        return jdbc.sql("SELECT COUNT(*) FROM household").query(Long.class).single();
    }

    private long lastRun(String version) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            var id = jdbc.sql("""
                    SELECT e.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION e
                    JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
                    WHERE p.PARAMETER_NAME = 'modelVersion' AND p.PARAMETER_VALUE = :version
                    ORDER BY e.JOB_EXECUTION_ID DESC FETCH FIRST 1 ROWS ONLY""")
                    .param("version", version).query(Long.class).optional();
            if (id.isPresent()) {
                return id.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no rescoring run started for " + version);
    }

    /** Waits for a run of the version after the given one (a run started again). */
    private long runAfter(String version, long run) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            long last = lastRun(version);
            if (last != run) {
                return last;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("run " + run + " was not started again");
    }

    /** Waits for the run to end and returns its status. */
    private String awaitEnd(long run) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JobExecution current = repository.getJobExecution(run);
            if (!current.getStatus().isRunning()) {
                return current.getStatus().name();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the rescoring run did not end in time");
    }

    private void awaitNoRunningRescoring() {
        try {
            for (int i = 0; i < 600 && jdbc.sql("""
                    SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                    WHERE i.JOB_NAME = 'rescoring' AND e.STATUS IN ('STARTING', 'STARTED')""").query(Long.class).single() > 0; i++) {
                Thread.sleep(50);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** An H2 trigger that fails every insert, like a fault that does not go away. */
    public static class FailAlways implements org.h2.api.Trigger {
        @Override
        public void fire(java.sql.Connection connection, Object[] oldRow, Object[] newRow) throws java.sql.SQLException {
            throw new java.sql.SQLException("simulated lasting failure");
        }
    }

    /** An H2 trigger that fails one insert, like a database failing mid-run. */
    public static class FailOnce implements org.h2.api.Trigger {
        private static final java.util.concurrent.atomic.AtomicInteger COUNT = new java.util.concurrent.atomic.AtomicInteger();
        private static volatile int failAt;

        static void reset(int at) {
            COUNT.set(0);
            failAt = at;
        }

        @Override
        public void fire(java.sql.Connection connection, Object[] oldRow, Object[] newRow) throws java.sql.SQLException {
            if (COUNT.incrementAndGet() == failAt) {
                throw new java.sql.SQLException("simulated failure mid-run");
            }
        }
    }
}
