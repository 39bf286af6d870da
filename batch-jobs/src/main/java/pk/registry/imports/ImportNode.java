package pk.registry.imports;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This node's share of the imports. Every running import is leased by the node that runs it;
 * the node renews its leases while it lives. An import whose lease ran out was interrupted (the
 * node crashed or was killed) or failed for a reason other than its file: any node, this one
 * after a restart included, claims it with an atomic update, marks a dead execution with
 * {@link JobOperator#recover} and restarts it, which resumes after the last committed chunk.
 * An import is tried {@value #MAX_ATTEMPTS} times at most, a lease period apart; then it is
 * given up, and its staged file deleted.
 */
@Component
class ImportNode {

    private static final Logger log = LoggerFactory.getLogger(ImportNode.class);

    static final int MAX_ATTEMPTS = 3;

    private final String id = UUID.randomUUID().toString();
    /** Imports whose job runs in this JVM right now: never claimed back from ourselves. */
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final JdbcClient jdbc;
    private final JobRepository jobs;
    private final JobOperator jobOperator;
    private final ObjectProvider<HouseholdImports> imports;
    private final TaskExecutor importExecutor;
    private final ImportProperties properties;
    private final Clock clock;

    ImportNode(JdbcClient jdbc, JobRepository jobs, JobOperator jobOperator, ObjectProvider<HouseholdImports> imports,
            TaskExecutor importExecutor, ImportProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.jobOperator = jobOperator;
        this.imports = imports;
        this.importExecutor = importExecutor;
        this.properties = properties;
        this.clock = clock;
    }

    String id() {
        return id;
    }

    /** Runs an import's job here, so that this node neither resumes it twice nor lets its lease lapse. */
    void runHere(String importId, Runnable job) {
        running.add(importId);
        try {
            job.run();
        }
        finally {
            running.remove(importId);
        }
    }

    @Scheduled(fixedDelayString = "${registry.imports.heartbeat:PT20S}")
    void renewLeases() {
        jdbc.sql("""
                UPDATE household_import SET lease_until = :until
                WHERE owner_node = :node AND status IN ('STARTING', 'STARTED')""")
                .param("until", Timestamp.from(clock.instant().plus(properties.lease()))).param("node", id).update();
    }

    /** Resumes every interrupted import whose lease has run out. */
    @Scheduled(initialDelayString = "${registry.imports.recovery-delay:PT2S}", fixedDelayString = "${registry.imports.heartbeat:PT20S}")
    void resumeInterrupted() {
        Instant now = clock.instant();
        List<String> expired = jdbc.sql("""
                SELECT id FROM household_import
                WHERE (status IN ('STARTING', 'STARTED') OR status = 'FAILED' AND finished_at IS NULL)
                  AND (lease_until IS NULL OR lease_until < :now)""")
                .param("now", Timestamp.from(now)).query(String.class).list();
        for (String importId : expired) {
            if (running.contains(importId)) {
                continue;
            }
            int claimed = jdbc.sql("""
                    UPDATE household_import SET owner_node = :node, lease_until = :until
                    WHERE id = :id AND (status IN ('STARTING', 'STARTED') OR status = 'FAILED' AND finished_at IS NULL)
                      AND (lease_until IS NULL OR lease_until < :now)""")
                    .param("node", id).param("until", Timestamp.from(now.plus(properties.lease())))
                    .param("id", importId).param("now", Timestamp.from(now)).update();
            if (claimed == 1) {
                log.info("Resuming interrupted import {}", importId);
                importExecutor.execute(() -> resume(importId));
            }
        }
    }

    private void resume(String importId) {
        var parameters = new JobParametersBuilder().addString(HouseholdImportJobConfiguration.IMPORT_ID, importId)
                .toJobParameters();
        JobInstance instance = jobs.getJobInstance(HouseholdImportJobConfiguration.JOB, parameters);
        JobExecution last = instance == null ? null : jobs.getLastJobExecution(instance);
        if (last == null) {
            imports.getObject().run(UUID.fromString(importId));
            return;
        }
        if (jobs.getJobExecutions(instance).size() >= MAX_ATTEMPTS) {
            giveUp(importId);
            return;
        }
        if (last.getStatus().isRunning() && last.getLastUpdated() != null
                && last.getLastUpdated().isAfter(LocalDateTime.now().minus(properties.lease()))) {
            // It still commits chunks: a node is alive behind it, only its heartbeat was late.
            return;
        }
        JobExecution interrupted = last;
        runHere(importId, () -> {
            try {
                JobExecution dead = interrupted;
                if (dead.getStatus().isRunning() || dead.getStatus() == BatchStatus.UNKNOWN) {
                    dead = jobOperator.recover(dead);
                }
                jobOperator.restart(dead);
            }
            catch (Exception ex) {
                log.error("Import {} could not be resumed: {}", importId, ex.getClass().getSimpleName());
            }
        });
    }

    private void giveUp(String importId) {
        jdbc.sql("""
                UPDATE household_import SET status = 'FAILED', finished_at = :now, owner_node = NULL, failure = :failure
                WHERE id = :id""")
                .param("now", Timestamp.from(clock.instant())).param("id", importId)
                .param("failure", "the import failed " + MAX_ATTEMPTS + " times and was given up; upload the file again")
                .update();
        HouseholdImportJobConfiguration.deleteStaged(properties, importId);
        log.warn("Import {} given up after {} attempts", importId, MAX_ATTEMPTS);
    }
}
