package pk.registry.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.simple.JdbcClient;

import pk.registry.imports.HouseholdImports;
import pk.registry.imports.ImportFiles;
import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.Role;
import pk.registry.retention.ErasureRequests;
import pk.registry.retention.HoldReason;
import pk.registry.retention.LegalHold;
import pk.registry.retention.LegalHolds;

/**
 * What the DPO's job tests set up the way users do (households imported by an officer, erasure
 * requests made by their applicants and approved by the DPO, legal holds), what they look at
 * (table counts, the job repository) and how they simulate a node killed mid-run.
 */
final class DpoJobsFixture {

    static final Actor OFFICER = new Actor("officer-dpo-jobs", Role.FIELD_OFFICER, Set.of("Lahore", "Kasur"), null);
    static final Actor DPO = new Actor("dpo-1", Role.DPO, Set.of(), null);
    /** The tables a DPO job may change; a dry run must leave every count as it was. */
    static final List<String> TABLES = List.of("household", "household_cnic", "household_score", "consent_record",
            "erasure_request", "legal_hold", "audit_event", "disclosure", "import_error", "household_import",
            "event_publication");

    private final HouseholdImports imports;
    private final ErasureRequests requests;
    private final LegalHolds holds;
    private final JdbcClient jdbc;
    private final JobRepository repository;
    /** Every personal value the fixture's files held, to look for where none may be. */
    final Set<String> personalValues = new HashSet<>();

    DpoJobsFixture(HouseholdImports imports, ErasureRequests requests, LegalHolds holds, JdbcClient jdbc,
            JobRepository repository) {
        this.imports = imports;
        this.requests = requests;
        this.holds = holds;
        this.jdbc = jdbc;
        this.repository = repository;
    }

    /** Imports households and returns their ids, in id order. */
    List<HouseholdId> households(Path directory, String prefix, int count) throws IOException {
        Set<String> before = new HashSet<>(jdbc.sql("SELECT id FROM household").query(String.class).list());
        ImportFiles file = new ImportFiles();
        for (int i = 0; i < count; i++) {
            for (Map<String, String> row : file.household(prefix + "-" + i)) {
                for (String column : List.of("cnic", "full_name", "mobile", "address")) {
                    String value = row.get(column);
                    if (value != null && value.length() > 4) {
                        personalValues.add(value);
                        personalValues.add(value.replace("-", ""));
                    }
                }
            }
        }
        Path csv = directory.resolve(prefix + "-" + UUID.randomUUID() + ".csv");
        Files.writeString(csv, file.csv());
        assertThat(imports.runNow(OFFICER, csv).householdsStored()).isEqualTo(count);
        return jdbc.sql("SELECT id FROM household ORDER BY id").query(String.class).list().stream()
                .filter(id -> !before.contains(id)).map(HouseholdId::of).toList();
    }

    /** The household's applicant asks for erasure and the DPO approves; returns the request's id. */
    UUID approvedErasure(HouseholdId household) {
        Actor applicant = new Actor("+92300" + Math.floorMod(household.value().getLeastSignificantBits(), 10_000_000L),
                Role.APPLICANT, Set.of(), null);
        UUID id = requests.request(applicant, household).id();
        requests.decide(DPO, id, new ErasureRequests.Decision(true, null, null)).orElseThrow();
        return id;
    }

    LegalHold hold(HouseholdId household) {
        return holds.place(DPO, household, HoldReason.FRAUD_INVESTIGATION, "FIA-2025-17").orElseThrow();
    }

    /** Placed holds come first, so the first page has those left until none is. */
    void releaseEveryHold() {
        List<LegalHold> placed;
        while (!(placed = holds.page(0, 100).stream().filter(LegalHold::placed).toList()).isEmpty()) {
            placed.forEach(hold -> holds.release(DPO, hold.id()));
        }
    }

    Map<String, Long> tableCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
        }
        counts.put("erasure_request COMPLETED", jdbc.sql("SELECT COUNT(*) FROM erasure_request WHERE status = 'COMPLETED'")
                .query(Long.class).single());
        return counts;
    }

    boolean exists(HouseholdId household) {
        return jdbc.sql("SELECT COUNT(*) FROM household WHERE id = :id").param("id", household.toString())
                .query(Long.class).single() > 0;
    }

    long auditEvents(HouseholdId household, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE household_id = :id AND action = :action")
                .param("id", household.toString()).param("action", action).query(Long.class).single();
    }

    /**
     * Makes a run that ended look like one whose JVM was killed mid-run: the execution and its
     * steps STARTED with no end, last updated long ago, and the lease of a node that is gone,
     * run out an hour before {@code now} (the service's clock).
     */
    void killNodeOf(long executionId, Instant now) {
        jdbc.sql("""
                UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'UNKNOWN', END_TIME = NULL,
                       LAST_UPDATED = LAST_UPDATED - INTERVAL '1' DAY WHERE JOB_EXECUTION_ID = :id""")
                .param("id", executionId).update();
        jdbc.sql("""
                UPDATE BATCH_STEP_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'EXECUTING', END_TIME = NULL,
                       LAST_UPDATED = LAST_UPDATED - INTERVAL '1' DAY WHERE JOB_EXECUTION_ID = :id""")
                .param("id", executionId).update();
        long instance = repository.getJobExecution(executionId).getJobInstance().getInstanceId();
        jdbc.sql("DELETE FROM job_lease WHERE job_instance_id = :instance").param("instance", instance).update();
        jdbc.sql("""
                INSERT INTO job_lease (job_instance_id, job_name, owner_node, lease_until)
                VALUES (:instance, 'dead', 'a-node-that-was-killed', :until)""")
                .param("instance", instance).param("until", Timestamp.from(now.minus(Duration.ofHours(1)))).update();
    }

    /** Moves every lease to run out at the given instant. */
    void leasesUntil(Instant until) {
        jdbc.sql("UPDATE job_lease SET lease_until = :until").param("until", Timestamp.from(until)).update();
    }

    /** The newest execution of the job after the given one, once it ended. */
    JobExecution awaitRunAfter(String jobName, long executionId) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            Long next = jdbc.sql("""
                    SELECT MAX(e.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION e
                    JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                    WHERE i.JOB_NAME = :job AND e.JOB_EXECUTION_ID > :id""")
                    .param("job", jobName).param("id", executionId).query(Long.class).optional().orElse(null);
            if (next != null && !repository.getJobExecution(next).getStatus().isRunning()) {
                return repository.getJobExecution(next);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no run of " + jobName + " after " + executionId + " ended in time");
    }

    /** Every job parameter and execution-context value of the job repository, raw and as read back. */
    List<String> jobRepositoryText() {
        List<String> text = new ArrayList<>(jdbc.sql("""
                SELECT PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS
                UNION ALL SELECT SHORT_CONTEXT FROM BATCH_STEP_EXECUTION_CONTEXT
                UNION ALL SELECT SHORT_CONTEXT FROM BATCH_JOB_EXECUTION_CONTEXT
                UNION ALL SELECT COALESCE(EXIT_MESSAGE, '') FROM BATCH_STEP_EXECUTION
                UNION ALL SELECT COALESCE(EXIT_MESSAGE, '') FROM BATCH_JOB_EXECUTION""").query(String.class).list());
        for (long id : jdbc.sql("SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION").query(Long.class).list()) {
            JobExecution execution = repository.getJobExecution(id);
            text.add(execution.getJobParameters().toString());
            text.add(execution.getExecutionContext().toMap().toString());
            for (StepExecution step : execution.getStepExecutions()) {
                text.add(step.getExecutionContext().toMap().toString());
            }
        }
        return text;
    }

    void assertNoPersonalDataIn(List<String> texts) {
        String all = String.join("\n", texts);
        assertThat(personalValues).isNotEmpty();
        for (String value : personalValues) {
            assertThat(all).as("job repository").doesNotContain(value);
        }
    }
}
