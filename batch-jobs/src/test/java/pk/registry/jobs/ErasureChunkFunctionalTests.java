package pk.registry.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import pk.registry.imports.HouseholdImports;
import pk.registry.kernel.HouseholdId;
import pk.registry.retention.ErasureRequest;
import pk.registry.retention.ErasureRequests;
import pk.registry.retention.ErasureStatus;
import pk.registry.retention.Erasures;
import pk.registry.retention.HoldReason;
import pk.registry.retention.LegalHold;
import pk.registry.retention.LegalHolds;
import pk.testsupport.RegistryModuleTest;
import pk.testsupport.Uncommitted;

/**
 * A chunk of the {@code erasure} job carried out at once ({@link Erasures#carryOutAll}) ends exactly as its
 * requests carried out one by one would.
 */
@RegistryModuleTest(extraIncludes = { "imports", "sharing" })
@SpringBatchTest
// The tests take interrupted runs over themselves: no scheduled recovery may beat them to it.
@TestPropertySource(properties = { "registry.retention.batch-size=3",
        "registry.imports.staging=target/module-test-data/dpo-jobs-staging", "registry.jobs.recovery-delay=PT1H",
        "registry.jobs.heartbeat=PT1H", "registry.imports.recovery-delay=PT1H", "registry.imports.heartbeat=PT1H" })
// Its own context, closed after it: the sweep tests count what is left in the database.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ErasureChunkFunctionalTests {

    @Autowired
    DpoJobs dpoJobs;

    @Autowired
    JobRepository repository;

    @Autowired
    ErasureRequests requests;

    @Autowired
    JdbcClient jdbc;

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
    void approvedRequestsAreReadInHouseholdOrderWhateverTheOrderTheyCameIn(@Autowired Erasures erasures) throws Exception {
        List<HouseholdId> households = fixture.households(directory, "Q", 5).stream()
                .sorted(Comparator.comparing(HouseholdId::toString)).toList();
        households.stream().sorted(Comparator.comparing(HouseholdId::toString).reversed()).forEach(fixture::approvedErasure);

        List<Erasures.Approved> first = erasures.approved(null, 2);
        Erasures.Approved place = Erasures.Approved.parse(first.get(1).toString());
        List<Erasures.Approved> rest = erasures.approved(place, 10);

        assertThat(place).isEqualTo(first.get(1));
        assertThat(Stream.concat(first.stream(), rest.stream()).map(Erasures.Approved::household))
                .containsExactlyElementsOf(households);
    }

    @Test
    void aChunkMixingCompletedHeldApprovedUnknownAndRepeatedRequestsEndsAsOneByOneWould(@Autowired Erasures erasures,
            @Autowired PlatformTransactionManager transactions) throws Exception {
        List<HouseholdId> households = fixture.households(directory, "M", 3);
        List<UUID> ids = households.stream().map(fixture::approvedErasure).toList();
        TransactionTemplate chunk = new TransactionTemplate(transactions);
        List<Erasures.Outcome> first = chunk.execute(
                status -> erasures.carryOutAll(ErasureJobConfiguration.ERASURE_JOB, List.of(ids.get(0))));
        assertThat(first).containsExactly(Erasures.Outcome.ERASED);
        fixture.hold(households.get(1));

        List<Erasures.Outcome> outcomes = chunk.execute(status -> erasures.carryOutAll(ErasureJobConfiguration.ERASURE_JOB,
                List.of(ids.get(0), ids.get(1), ids.get(2), UUID.randomUUID(), ids.get(2))));

        assertThat(outcomes).containsExactly(Erasures.Outcome.SKIPPED, Erasures.Outcome.DEFERRED, Erasures.Outcome.ERASED,
                Erasures.Outcome.SKIPPED, Erasures.Outcome.SKIPPED);
        assertThat(fixture.exists(households.get(1))).as("held: nothing deleted").isTrue();
        ErasureRequest deferred = requests.of(households.get(1)).get(0);
        assertThat(deferred.status()).isEqualTo(ErasureStatus.APPROVED);
        assertThat(deferred.deferredAt()).isNotNull();
        assertThat(fixture.auditEvents(households.get(1), "HOUSEHOLD_ERASED")).isZero();
        for (int i : new int[] { 0, 2 }) {
            ErasureRequest request = requests.of(households.get(i)).get(0);
            assertThat(request.status()).isEqualTo(ErasureStatus.COMPLETED);
            assertThat(request.certificate()).isNotBlank();
            assertThat(fixture.exists(households.get(i))).isFalse();
            assertThat(fixture.auditEvents(households.get(i), "HOUSEHOLD_ERASED")).as("erased once").isEqualTo(1);
        }
    }

    /**
     * A legal hold asked for while a chunk is erasing its household (deleted, not yet committed)
     * waits for the chunk and finds no household: it is never confirmed on a household that is gone.
     */
    @Test
    void aHoldAskedForWhileAChunkErasesItsHouseholdWaitsAndFindsNone(@Autowired Erasures erasures,
            @Autowired LegalHolds holds, @Autowired PlatformTransactionManager transactions) throws Exception {
        HouseholdId household = fixture.households(directory, "H", 1).get(0);
        UUID request = fixture.approvedErasure(household);
        try (Uncommitted<List<Erasures.Outcome>> chunk = Uncommitted.start(transactions,
                () -> erasures.carryOutAll(ErasureJobConfiguration.ERASURE_JOB, List.of(request)))) {

            Optional<LegalHold> hold = holds.place(DpoJobsFixture.DPO, household, HoldReason.COURT_ORDER, "LHC-2026-9");

            assertThat(chunk.committed()).containsExactly(Erasures.Outcome.ERASED);
            assertThat(hold).as("the household was erased before the hold could be placed").isEmpty();
            assertThat(fixture.exists(household)).isFalse();
        }
    }

    /**
     * A chunk that starts while a hold on one of its households is being placed (not yet
     * committed) waits for it and defers the request: a hold confirmed to the DPO always holds.
     */
    @Test
    void aChunkStartedWhileAHoldIsBeingPlacedWaitsForItAndDefers(@Autowired Erasures erasures,
            @Autowired LegalHolds holds, @Autowired PlatformTransactionManager transactions) throws Exception {
        HouseholdId household = fixture.households(directory, "P", 1).get(0);
        UUID request = fixture.approvedErasure(household);
        try (Uncommitted<Optional<LegalHold>> hold = Uncommitted.start(transactions,
                () -> holds.place(DpoJobsFixture.DPO, household, HoldReason.COURT_ORDER, "LHC-2026-10"))) {

            List<Erasures.Outcome> outcomes = new TransactionTemplate(transactions).execute(
                    status -> erasures.carryOutAll(ErasureJobConfiguration.ERASURE_JOB, List.of(request)));

            assertThat(hold.committed()).isPresent();
            assertThat(outcomes).containsExactly(Erasures.Outcome.DEFERRED);
            assertThat(fixture.exists(household)).as("held: nothing deleted").isTrue();
        }
    }
}
