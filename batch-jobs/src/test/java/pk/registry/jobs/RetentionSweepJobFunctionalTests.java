package pk.registry.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import pk.registry.audit.AuditTrail;
import pk.registry.imports.HouseholdImports;
import pk.registry.kernel.HouseholdId;
import pk.registry.retention.ErasureRequests;
import pk.registry.retention.LegalHolds;
import pk.registry.retention.RetentionSchedule;
import pk.testsupport.RegistryModuleTest;
import pk.testsupport.TestClock;

/**
 * The {@code retentionSweep} job over data on both sides of every category's cut-off: a dry run
 * reports per category what would go and what holds keep and changes nothing; a run deletes
 * exactly what is past each cut-off and nothing of a held household; a second run changes
 * nothing; a run that failed half-way, or whose node was killed, ends as one that never failed.
 */
@RegistryModuleTest(extraIncludes = { "imports", "sharing" })
@SpringBatchTest
// The tests take interrupted runs over themselves: no scheduled recovery may beat them to it.
@TestPropertySource(properties = { "registry.retention.batch-size=3",
        "registry.imports.staging=target/module-test-data/dpo-jobs-staging", "registry.jobs.recovery-delay=PT1H",
        "registry.jobs.heartbeat=PT1H", "registry.imports.recovery-delay=PT1H", "registry.imports.heartbeat=PT1H" })
class RetentionSweepJobFunctionalTests {

    @Autowired
    JobRuns runs;

    @Autowired
    JobRecovery recovery;

    @Autowired
    JobRepository repository;

    @Autowired
    RetentionSchedule schedule;

    @Autowired
    AuditTrail audit;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Value("${registry.imports.staging}")
    Path staging;

    @TempDir
    Path directory;

    DpoJobsFixture fixture;

    @BeforeEach
    void fixture(@Autowired HouseholdImports imports, @Autowired ErasureRequests requests, @Autowired LegalHolds holds)
            throws IOException {
        fixture = new DpoJobsFixture(imports, requests, holds, jdbc, repository);
        emptyStaging();
    }

    /** Leaves nothing past its period behind for the next test. */
    @AfterEach
    void sweepWhatIsLeft() throws IOException {
        fixture.releaseEveryHold();
        // A day on, what the scenario put just inside each period is past it too.
        clock.advance(Duration.ofDays(1));
        assertThat(sweep(false).status()).isEqualTo("COMPLETED");
        emptyStaging();
    }

    @Test
    void aDryRunReportsPerCategoryWhatWouldGoAndWhatHoldsKeepAndChangesNothing() throws Exception {
        Scenario scenario = scenario();
        Map<String, Long> before = fixture.tableCounts();

        JobRunStatus dryRun = runs.runNow(RegistryJob.RETENTION_SWEEP, DpoJobs.sweepParameters(scenario.runAt(), true));

        assertThat(dryRun.status()).isEqualTo("COMPLETED");
        assertThat(dryRun.report()).containsAllEntriesOf(Map.of(
                "inactiveHouseholds", Map.of("deletable", 5L, "held", 1L),
                "closedApplications", Map.of("deletable", 1L, "held", 0L),
                "disclosureLog", Map.of("deletable", 2L, "held", 1L),
                "importErrorReports", Map.of("deletable", 4L, "held", 0L),
                "stagedUploads", Map.of("deletable", 2L, "held", 0L),
                "auditTrail", Map.of("deletable", 0L, "held", 0L)));
        assertThat(fixture.tableCounts()).isEqualTo(before);
        assertThat(scenario.households()).allMatch(fixture::exists);
        assertThat(stagedFiles()).isEqualTo(4);
    }

    @Test
    void deletesExactlyWhatIsPastEachCutOffAndNothingOfAHeldHouseholdAndASecondRunNothing() throws Exception {
        Scenario scenario = scenario();

        JobRunStatus run = runs.runNow(RegistryJob.RETENTION_SWEEP, DpoJobs.sweepParameters(scenario.runAt(), false));

        assertThat(run.status()).isEqualTo("COMPLETED");
        assertDeletedExactly(scenario, run.report());
        assertThat(audit.verify().intact()).as("the audit chain").isTrue();

        Map<String, Long> after = fixture.tableCounts();
        JobRunStatus again = runs.runNow(RegistryJob.RETENTION_SWEEP,
                DpoJobs.sweepParameters(scenario.runAt().plusSeconds(1), false));
        assertThat(again.written()).isZero();
        assertThat(fixture.tableCounts()).isEqualTo(after);
        fixture.assertNoPersonalDataIn(fixture.jobRepositoryText());
    }

    @Test
    void aRunThatFailedHalfWayIsRestartedAndDeletesExactlyWhatTheFirstAttemptWould() throws Exception {
        Scenario scenario = scenario();
        long[] failed = new long[1];
        FailingDelete.during(jdbc, 5, () -> {
            JobRunStatus run = runs.runNow(RegistryJob.RETENTION_SWEEP, DpoJobs.sweepParameters(scenario.runAt(), false));
            assertThat(run.status()).isEqualTo("FAILED");
            failed[0] = run.id();
        });
        assertThat(scenario.inactive().stream().filter(fixture::exists).count()).as("a batch committed, one rolled back")
                .isEqualTo(2);
        clock.advance(Duration.ofDays(400));

        JobRunStatus restarted = runs.runNow(RegistryJob.RETENTION_SWEEP,
                repository.getJobExecution(failed[0]).getJobParameters());

        assertThat(restarted.status()).isEqualTo("COMPLETED");
        assertDeletedExactly(scenario, restarted.report());
    }

    @Test
    void aRunWhoseNodeWasKilledIsTakenOverAndDeletesExactlyWhatItWould() throws Exception {
        Scenario scenario = scenario();
        long[] killed = new long[1];
        FailingDelete.during(jdbc, 2, () -> killed[0] = runs.runNow(RegistryJob.RETENTION_SWEEP,
                DpoJobs.sweepParameters(scenario.runAt(), false)).id());
        fixture.killNodeOf(killed[0], clock.instant());

        assertThat(recovery.resumeInterrupted()).isEqualTo(1);
        JobExecution resumed = fixture.awaitRunAfter(RetentionSweepJobConfiguration.JOB, killed[0]);

        assertThat(resumed.getStatus().name()).isEqualTo("COMPLETED");
        assertDeletedExactly(scenario, runs.status(RegistryJob.RETENTION_SWEEP, resumed.getId()).orElseThrow().report());
    }

    private void assertDeletedExactly(Scenario scenario, Map<String, Object> report) throws IOException {
        assertThat(report).containsAllEntriesOf(Map.of(
                "inactiveHouseholds", Map.of("deleted", 5L),
                "closedApplications", Map.of("deleted", 1L),
                "disclosureLog", Map.of("deleted", 2L),
                "importErrorReports", Map.of("deleted", 4L),
                "stagedUploads", Map.of("deleted", 2L),
                "auditTrail", Map.of("deleted", 0L)));
        assertThat(scenario.inactive()).noneMatch(fixture::exists);
        assertThat(fixture.exists(scenario.closed())).isFalse();
        assertThat(fixture.exists(scenario.recent())).as("inside its period").isTrue();
        assertThat(fixture.exists(scenario.held())).as("held").isTrue();
        scenario.inactive().forEach(household -> assertThat(fixture.auditEvents(household, "HOUSEHOLD_ERASED")).isEqualTo(1));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM disclosure WHERE agency = :tag").param("tag", scenario.tag())
                .query(Long.class).single()).as("the recent disclosure and the held household's").isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM disclosure WHERE agency = :tag AND household_id = :held")
                .param("tag", scenario.tag()).param("held", scenario.held().toString()).query(Long.class).single()).isOne();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM import_error WHERE import_id = :tag").param("tag", scenario.tag())
                .query(Long.class).single()).as("the recent error rows").isEqualTo(2);
        assertThat(stagedFiles()).as("the running import's and the one that ended after runAt").isEqualTo(2);
    }

    private JobRunStatus sweep(boolean dryRun) {
        clock.advance(Duration.ofMinutes(1));
        return runs.runNow(RegistryJob.RETENTION_SWEEP, DpoJobs.sweepParameters(schedule.now(), dryRun));
    }

    private void emptyStaging() throws IOException {
        Files.createDirectories(staging);
        try (var files = Files.list(staging)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }

    private long stagedFiles() throws IOException {
        try (var files = Files.list(staging)) {
            return files.count();
        }
    }

    /**
     * Data on both sides of every cut-off for a run at a fresh instant: five inactive households
     * and a rejected application past their periods, one inside it, one past it but held; old and
     * recent disclosures (one of the held household), error rows and staged files.
     */
    private Scenario scenario() throws IOException {
        clock.advance(Duration.ofMinutes(1));
        Instant runAt = schedule.now();
        String tag = UUID.randomUUID().toString();
        List<HouseholdId> households = fixture.households(directory, "S", 8);
        Instant inactive = schedule.cutoff("inactiveHouseholds", runAt);
        for (int i = 0; i < 5; i++) {
            changedAt(households.get(i), inactive.minusSeconds(60), "SUBMITTED");
        }
        changedAt(households.get(5), inactive.plusSeconds(60), "SUBMITTED");
        changedAt(households.get(6), inactive.minusSeconds(60), "SUBMITTED");
        fixture.hold(households.get(6));
        changedAt(households.get(7), schedule.cutoff("closedApplications", runAt).minusSeconds(60), "REJECTED");

        Instant disclosures = schedule.cutoff("disclosureLog", runAt);
        disclosure(tag, households.get(5), disclosures.minusSeconds(60));
        disclosure(tag, households.get(6), disclosures.minusSeconds(60));
        disclosure(tag, null, disclosures.minusSeconds(60));
        disclosure(tag, null, disclosures.plusSeconds(60));

        Instant errors = schedule.cutoff("importErrorReports", runAt);
        for (long line : new long[] { 2, 3, 3, 4 }) {
            errorRow(tag, line, errors.minusSeconds(60));
        }
        errorRow(tag, 5, errors.plusSeconds(60));
        errorRow(tag, 6, errors.plusSeconds(60));

        Files.createDirectories(staging);
        stagedFile(UUID.randomUUID(), runAt.minus(Duration.ofDays(2)));
        stagedFile(importRecord("STARTED", null), runAt.minus(Duration.ofDays(2)));
        stagedFile(importRecord("COMPLETED", runAt.minusSeconds(3600)), runAt.minus(Duration.ofDays(2)));
        stagedFile(importRecord("COMPLETED", runAt.plusSeconds(60)), runAt.minus(Duration.ofDays(2)));
        return new Scenario(runAt, tag, households);
    }

    /** As closing a household would leave it: a closed one no longer claims its owner's one household. */
    private void changedAt(HouseholdId household, Instant at, String status) {
        jdbc.sql("""
                UPDATE household SET updated_at = :at, status = :status,
                       active_owner = CASE WHEN :status = 'SUBMITTED' THEN active_owner END
                WHERE id = :id""")
                .param("at", Timestamp.from(at)).param("status", status).param("id", household.toString()).update();
    }

    private void disclosure(String tag, @Nullable HouseholdId household, Instant at) {
        jdbc.sql("""
                INSERT INTO disclosure (id, household_id, disclosed_at, visible_from, channel, agency, purpose, fields, outcome)
                VALUES (:id, :household, :at, :at, 'LEGAL', :tag, 'LEGAL_COMPLIANCE', 'IDENTITY', 'LEGAL')""")
                .param("id", UUID.randomUUID().toString()).param("household", household == null ? null : household.toString())
                .param("at", Timestamp.from(at)).param("tag", tag).update();
    }

    private void errorRow(String tag, long line, Instant at) {
        jdbc.sql("""
                INSERT INTO import_error (import_id, line, household_ref, column_name, code, message, created_at)
                VALUES (:tag, :line, 'S-1', 'cnic', 'Invalid', 'is not a valid CNIC', :at)""")
                .param("tag", tag).param("line", line).param("at", Timestamp.from(at)).update();
    }

    private UUID importRecord(String status, @Nullable Instant finishedAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO household_import (id, officer, districts, file_bytes, status, created_at, finished_at)
                VALUES (:id, 'officer-dpo-jobs', 'Lahore', 100, :status, :at, :finished)""")
                .param("id", id.toString()).param("status", status).param("at", Timestamp.from(Instant.now()))
                .param("finished", finishedAt == null ? null : Timestamp.from(finishedAt)).update();
        return id;
    }

    private void stagedFile(UUID importId, Instant modified) throws IOException {
        Path file = Files.writeString(staging.resolve(importId + ".csv"), "household_ref\r\n");
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    private record Scenario(Instant runAt, String tag, List<HouseholdId> households) {

        List<HouseholdId> inactive() {
            return households.subList(0, 5);
        }

        HouseholdId recent() {
            return households.get(5);
        }

        HouseholdId held() {
            return households.get(6);
        }

        HouseholdId closed() {
            return households.get(7);
        }
    }
}
