package pk.registry.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

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
    private final Set<ImportId> running = ConcurrentHashMap.newKeySet();
    private final ImportRecords records;
    private final JobRepository jobs;
    private final JobOperator jobOperator;
    private final ObjectProvider<HouseholdImports> imports;
    private final TaskExecutor importExecutor;
    private final ImportProperties properties;
    private final Clock clock;

    ImportNode(ImportRecords records, JobRepository jobs, JobOperator jobOperator, ObjectProvider<HouseholdImports> imports,
            TaskExecutor importExecutor, ImportProperties properties, Clock clock) {
        this.records = records;
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

    /** Until when a lease taken now runs. */
    Instant leaseFrom(Instant now) {
        return now.plus(properties.lease());
    }

    /** Where an import's upload waits for its job. */
    Path staged(ImportId importId) {
        return properties.staging().resolve(importId + ".csv");
    }

    /** Deletes an import's staged file (it holds personal data); a failure is logged, never thrown. */
    void deleteStaged(ImportId importId) {
        try {
            Files.deleteIfExists(staged(importId));
        }
        catch (IOException ex) {
            log.warn("The staged file of import {} could not be deleted", importId);
        }
    }

    /** Runs an import's job here, so that this node neither resumes it twice nor lets its lease lapse. */
    void runHere(ImportId importId, Runnable job) {
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
        records.renewLeases(id, leaseFrom(clock.instant()));
    }

    /** Resumes every interrupted import whose lease has run out. */
    @Scheduled(initialDelayString = "${registry.imports.recovery-delay:PT2S}", fixedDelayString = "${registry.imports.heartbeat:PT20S}")
    void resumeInterrupted() {
        Instant now = clock.instant();
        for (ImportId importId : records.withExpiredLease(now)) {
            if (!running.contains(importId) && records.claim(importId, id, now, leaseFrom(now))) {
                log.info("Resuming interrupted import {}", importId);
                importExecutor.execute(() -> resume(importId));
            }
        }
    }

    private void resume(ImportId importId) {
        var parameters = new JobParametersBuilder().addString(HouseholdImportJobConfiguration.IMPORT_ID, importId.toString())
                .toJobParameters();
        JobInstance instance = jobs.getJobInstance(HouseholdImportJobConfiguration.JOB, parameters);
        JobExecution last = instance == null ? null : jobs.getLastJobExecution(instance);
        if (last == null) {
            imports.getObject().run(importId);
            return;
        }
        if (jobs.getJobExecutions(instance).size() >= MAX_ATTEMPTS) {
            giveUp(importId);
            return;
        }
        LocalDateTime leaseAgo = LocalDateTime.ofInstant(clock.instant().minus(properties.lease()), ZoneId.systemDefault());
        if (last.getStatus().isRunning() && last.getLastUpdated() != null && last.getLastUpdated().isAfter(leaseAgo)) {
            // It still commits chunks: a node is alive behind it, only its heartbeat was late.
            return;
        }
        try {
            if (last.getStatus().isRunning() || last.getStatus() == BatchStatus.UNKNOWN) {
                jobOperator.recover(last);
            }
        }
        catch (Exception ex) {
            log.error("Import {} could not be recovered: {}", importId, ex.getClass().getSimpleName());
            return;
        }
        // Starting a failed instance again restarts it after its last committed chunk.
        imports.getObject().run(importId);
    }

    private void giveUp(ImportId importId) {
        records.giveUp(importId, clock.instant(),
                "the import failed " + MAX_ATTEMPTS + " times and was given up; upload the file again");
        deleteStaged(importId);
        log.warn("Import {} given up after {} attempts", importId, MAX_ATTEMPTS);
    }
}
