package pk.registry.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import pk.registry.imports.HouseholdImports;
import pk.registry.kernel.HouseholdId;
import pk.registry.retention.ErasureRequest;
import pk.registry.retention.ErasureRequests;
import pk.registry.retention.ErasureStatus;
import pk.registry.retention.LegalHold;
import pk.registry.retention.LegalHolds;
import pk.testsupport.RegistryModuleTest;
import pk.testsupport.TestClock;

/**
 * The {@code erasure} job: approved requests carried out and certified once each, a legal hold
 * deferring one until the first run after its release, dry runs that change nothing, a run that
 * failed half-way or whose node was killed finishing with the same end state as one that never
 * failed, and a job repository without personal data.
 */
@RegistryModuleTest(extraIncludes = { "imports", "sharing" })
@SpringBatchTest
// The tests take interrupted runs over themselves: no scheduled recovery may beat them to it.
@TestPropertySource(properties = { "registry.retention.batch-size=3",
        "registry.imports.staging=target/module-test-data/dpo-jobs-staging", "registry.jobs.recovery-delay=PT1H",
        "registry.jobs.heartbeat=PT1H", "registry.imports.recovery-delay=PT1H", "registry.imports.heartbeat=PT1H" })
class ErasureJobFunctionalTests {

    @Autowired
    DpoJobs dpoJobs;

    @Autowired
    JobRuns runs;

    @Autowired
    JobRecovery recovery;

    @Autowired
    JobRepository repository;

    @Autowired
    ErasureRequests requests;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @TempDir
    Path directory;

    DpoJobsFixture fixture;

    @BeforeEach
    void fixture(@Autowired HouseholdImports imports, @Autowired LegalHolds holds) {
        fixture = new DpoJobsFixture(imports, requests, holds, jdbc, repository);
    }

    /** Leaves no approved request behind for the next test. */
    @AfterEach
    void eraseWhatIsLeft() {
        fixture.releaseEveryHold();
        assertThat(dpoJobs.runNow(RegistryJob.ERASURE, false).status()).isEqualTo("COMPLETED");
    }

    @Test
    void erasesAndCertifiesEveryApprovedRequestOnceAndASecondRunChangesNothing() throws Exception {
        List<HouseholdId> households = fixture.households(directory, "E", 5);
        List<UUID> approved = households.subList(0, 4).stream().map(fixture::approvedErasure).toList();

        JobRunStatus run = dpoJobs.runNow(RegistryJob.ERASURE, false);

        assertThat(run.status()).isEqualTo("COMPLETED");
        assertThat(run.report()).containsEntry("erased", 4L).containsEntry("deferred", 0L).containsEntry("skipped", 0L);
        assertThat(run.read()).isEqualTo(4);
        for (int i = 0; i < 4; i++) {
            ErasureRequest request = requests.of(households.get(i)).get(0);
            assertThat(request.id()).isEqualTo(approved.get(i));
            assertThat(request.status()).isEqualTo(ErasureStatus.COMPLETED);
            assertThat(request.certificate()).isNotBlank();
            assertThat(fixture.exists(households.get(i))).isFalse();
            assertThat(fixture.auditEvents(households.get(i), "HOUSEHOLD_ERASED")).isEqualTo(1);
        }
        assertThat(fixture.exists(households.get(4))).as("no request, nothing erased").isTrue();

        Map<String, Long> after = fixture.tableCounts();
        JobRunStatus again = dpoJobs.runNow(RegistryJob.ERASURE, false);
        assertThat(again.report()).containsEntry("erased", 0L);
        assertThat(fixture.tableCounts()).isEqualTo(after);
        fixture.assertNoPersonalDataIn(fixture.jobRepositoryText());
    }

    @Test
    void aDryRunReportsThePlanAndChangesNothing() throws Exception {
        List<HouseholdId> households = fixture.households(directory, "P", 3);
        households.forEach(fixture::approvedErasure);
        fixture.hold(households.get(0));
        Map<String, Long> before = fixture.tableCounts();

        JobRunStatus dryRun = dpoJobs.runNow(RegistryJob.ERASURE, true);

        assertThat(dryRun.status()).isEqualTo("COMPLETED");
        assertThat(dryRun.report()).containsEntry("approved", 3L).containsEntry("erasable", 2L)
                .containsEntry("deferredByHolds", 1L).doesNotContainKey("erased");
        assertThat(fixture.tableCounts()).isEqualTo(before);
        assertThat(households).allMatch(fixture::exists);
    }

    @Test
    void aHoldDefersTheErasureAndTheFirstRunAfterItsReleaseCarriesItOut() throws Exception {
        List<HouseholdId> households = fixture.households(directory, "H", 2);
        households.forEach(fixture::approvedErasure);
        LegalHold hold = fixture.hold(households.get(0));

        JobRunStatus held = dpoJobs.runNow(RegistryJob.ERASURE, false);

        assertThat(held.report()).containsEntry("erased", 1L).containsEntry("deferred", 1L);
        ErasureRequest deferred = requests.of(households.get(0)).get(0);
        assertThat(deferred.status()).isEqualTo(ErasureStatus.APPROVED);
        assertThat(deferred.deferredAt()).isNotNull();
        assertThat(fixture.exists(households.get(0))).isTrue();
        assertThat(fixture.exists(households.get(1))).isFalse();
        assertThat(dpoJobs.runNow(RegistryJob.ERASURE, false).report()).as("still held")
                .containsEntry("erased", 0L).containsEntry("deferred", 1L);

        fixture.releaseEveryHold();
        JobRunStatus released = dpoJobs.runNow(RegistryJob.ERASURE, false);

        assertThat(released.report()).containsEntry("erased", 1L).containsEntry("deferred", 0L);
        assertThat(fixture.exists(households.get(0))).isFalse();
        assertThat(requests.of(households.get(0)).get(0).status()).isEqualTo(ErasureStatus.COMPLETED);
        assertThat(hold.household()).isEqualTo(households.get(0));
    }

    @Test
    void aRunThatFailedHalfWayIsRestartedAndEndsExactlyOnce() throws Exception {
        List<HouseholdId> households = fixture.households(directory, "F", 7);
        households.forEach(fixture::approvedErasure);
        long[] failed = new long[1];
        FailingDelete.during(jdbc, 5, () -> {
            JobRunStatus run = dpoJobs.runNow(RegistryJob.ERASURE, false);
            assertThat(run.status()).isEqualTo("FAILED");
            assertThat(run.report()).as("the committed chunk only").containsEntry("erased", 3L);
            failed[0] = run.id();
        });
        assertThat(households.stream().filter(fixture::exists).count()).as("one chunk of three committed").isEqualTo(4);

        JobRunStatus restarted = runs.runNow(RegistryJob.ERASURE, repository.getJobExecution(failed[0]).getJobParameters());

        assertThat(restarted.status()).isEqualTo("COMPLETED");
        assertThat(restarted.report()).containsEntry("erased", 7L).containsEntry("skipped", 0L);
        assertErasedExactlyOnce(households);
    }

    @Test
    void aRunWhoseNodeWasKilledIsTakenOverMarkedFailedAndFinishedExactlyOnce() throws Exception {
        List<HouseholdId> households = fixture.households(directory, "K", 7);
        households.forEach(fixture::approvedErasure);
        long[] killed = new long[1];
        FailingDelete.during(jdbc, 4, () -> killed[0] = dpoJobs.runNow(RegistryJob.ERASURE, false).id());
        fixture.killNodeOf(killed[0], clock.instant());
        assertThat(runs.isRunning(RegistryJob.ERASURE)).isTrue();

        assertThat(recovery.resumeInterrupted()).isEqualTo(1);
        JobExecution resumed = fixture.awaitRunAfter(ErasureJobConfiguration.JOB, killed[0]);

        assertThat(repository.getJobExecution(killed[0]).getStatus().name()).as("the dead run").isEqualTo("FAILED");
        assertThat(runs.status(RegistryJob.ERASURE, killed[0]).orElseThrow().continuedBy()).isEqualTo(resumed.getId());
        assertThat(resumed.getStatus().name()).isEqualTo("COMPLETED");
        assertThat(resumed.getJobInstance().getInstanceId()).isEqualTo(repository.getJobExecution(killed[0]).getJobInstance().getInstanceId());
        assertThat(runs.status(RegistryJob.ERASURE, resumed.getId()).orElseThrow().report()).containsEntry("erased", 7L);
        assertErasedExactlyOnce(households);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM job_lease").query(Long.class).single()).as("the lease given up").isZero();
        assertThat(recovery.resumeInterrupted()).as("nothing left to take over").isZero();
    }

    @Test
    void aRunWhoseNodeStillHoldsItsLeaseIsLeftAlone() throws Exception {
        List<HouseholdId> households = fixture.households(directory, "L", 4);
        households.forEach(fixture::approvedErasure);
        long[] run = new long[1];
        FailingDelete.during(jdbc, 1, () -> run[0] = dpoJobs.runNow(RegistryJob.ERASURE, false).id());
        fixture.killNodeOf(run[0], clock.instant());
        fixture.leasesUntil(clock.instant().plus(Duration.ofHours(1)));

        assertThat(recovery.resumeInterrupted()).isZero();
        assertThat(repository.getJobExecution(run[0]).getStatus().name()).isEqualTo("STARTED");

        fixture.leasesUntil(clock.instant().minus(Duration.ofHours(1)));
        assertThat(recovery.resumeInterrupted()).isEqualTo(1);
        assertThat(fixture.awaitRunAfter(ErasureJobConfiguration.JOB, run[0]).getStatus().name()).isEqualTo("COMPLETED");
        assertErasedExactlyOnce(households);
    }

    private void assertErasedExactlyOnce(List<HouseholdId> households) {
        for (HouseholdId household : households) {
            assertThat(fixture.exists(household)).isFalse();
            assertThat(fixture.auditEvents(household, "HOUSEHOLD_ERASED")).as("erased once").isEqualTo(1);
            List<ErasureRequest> of = requests.of(household);
            assertThat(of).singleElement().satisfies(request -> {
                assertThat(request.status()).isEqualTo(ErasureStatus.COMPLETED);
                assertThat(request.certificate()).isNotBlank();
            });
        }
    }
}
