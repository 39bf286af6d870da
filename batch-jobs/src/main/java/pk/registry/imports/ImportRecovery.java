package pk.registry.imports;

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
 * Resumes interrupted imports. An import whose lease ran out is claimed by one node (this one
 * after a restart included), its dead execution marked with {@link JobOperator#recover}, and its
 * job started again, which resumes after the last committed chunk. An import is tried
 * {@value #MAX_ATTEMPTS} times at most, a lease period apart; then it is given up.
 */
@Component
class ImportRecovery {

    private static final Logger log = LoggerFactory.getLogger(ImportRecovery.class);

    static final int MAX_ATTEMPTS = 3;

    private final ImportNode node;
    private final JobRepository jobs;
    private final JobOperator jobOperator;
    private final ObjectProvider<HouseholdImports> imports;
    private final TaskExecutor importExecutor;

    ImportRecovery(ImportNode node, JobRepository jobs, JobOperator jobOperator, ObjectProvider<HouseholdImports> imports,
            TaskExecutor importExecutor) {
        this.node = node;
        this.jobs = jobs;
        this.jobOperator = jobOperator;
        this.imports = imports;
        this.importExecutor = importExecutor;
    }

    /** Resumes, in the background, every interrupted import whose lease has run out. */
    @Scheduled(initialDelayString = "${registry.imports.recovery-delay:PT2S}", fixedDelayString = "${registry.imports.heartbeat:PT20S}")
    void resumeInterrupted() {
        for (ImportId importId : node.claimExpired()) {
            log.info("Resuming interrupted import {}", importId);
            importExecutor.execute(() -> resume(importId));
        }
    }

    private void resume(ImportId importId) {
        JobInstance instance = jobs.getJobInstance(HouseholdImportJobConfiguration.JOB, new JobParametersBuilder()
                .addString(HouseholdImportJobConfiguration.IMPORT_ID, importId.toString()).toJobParameters());
        JobExecution last = instance == null ? null : jobs.getLastJobExecution(instance);
        if (last != null) {
            if (jobs.getJobExecutions(instance).size() >= MAX_ATTEMPTS) {
                node.giveUp(importId, "the import failed " + MAX_ATTEMPTS + " times and was given up; upload the file again");
                log.warn("Import {} given up after {} attempts", importId, MAX_ATTEMPTS);
                return;
            }
            if (last.getStatus().isRunning() && node.isAlive(last.getLastUpdated())) {
                // It still commits chunks: a node is alive behind it, only its heartbeat was late.
                return;
            }
            if (last.getStatus().isRunning() || last.getStatus() == BatchStatus.UNKNOWN) {
                try {
                    jobOperator.recover(last);
                }
                catch (Exception ex) {
                    log.error("Import {} could not be recovered: {}", importId, ex.getClass().getSimpleName());
                    return;
                }
            }
        }
        // Starting a failed instance again restarts it after its last committed chunk.
        imports.getObject().run(importId);
    }
}
