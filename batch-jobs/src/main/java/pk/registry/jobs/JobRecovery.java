package pk.registry.jobs;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Takes over runs whose node died. A run still marked running whose lease ran out (or that never
 * got one, its node dying right after creating it) and that has not committed for a lease
 * period is claimed by one node (this one after a restart included), its dead execution marked
 * failed with {@link JobOperator#recover}, and its job instance started again with the same
 * parameters, which restarts it after its last committed chunk. Each chunk commits its work and
 * its place together, so nothing is done twice and nothing is lost. A failed run of a job
 * {@linkplain RegistryJob#retriedAfterFailure retried after failing} is taken over the same way
 * once its lease, held by no node, runs out, until it has run {@value #MAX_FAILED_RUNS} times.
 * Not in a headless job's process, which ends with its own run.
 */
@Component
@ConditionalOnExpression("'${spring.batch.job.name:}' == ''")
class JobRecovery {

    private static final Logger log = LoggerFactory.getLogger(JobRecovery.class);

    /** A job retried after failing ({@link RegistryJob#retriedAfterFailure}) is given up after this many runs. */
    static final int MAX_FAILED_RUNS = 3;

    private final JobNode node;
    private final JobRepository repository;
    private final JobOperator jobOperator;
    private final JobRuns runs;

    JobRecovery(JobNode node, JobRepository repository, JobOperator jobOperator, JobRuns runs) {
        this.node = node;
        this.repository = repository;
        this.jobOperator = jobOperator;
        this.runs = runs;
    }

    /** Restarts, in the background, every interrupted run this node could claim; returns how many. */
    @Scheduled(initialDelayString = "${registry.jobs.recovery-delay:PT5S}", fixedDelayString = "${registry.jobs.heartbeat:PT20S}")
    int resumeInterrupted() {
        int resumed = 0;
        for (long id : candidates()) {
            JobInstance instance = repository.getJobInstance(id);
            if (instance == null) {
                continue;
            }
            JobExecution last = repository.getLastJobExecution(instance);
            if (last != null && last.getStatus().isRunning() && node.isAlive(last.getLastUpdated())) {
                // It still commits: a node is alive behind it, only its heartbeat is late.
                continue;
            }
            if (node.claim(instance) && resume(instance, last)) {
                resumed++;
            }
        }
        return resumed;
    }

    /** Instances with an expired lease, and every run of the registry's jobs still marked running. */
    private Set<Long> candidates() {
        Set<Long> candidates = new LinkedHashSet<>(node.expired());
        for (RegistryJob job : RegistryJob.values()) {
            repository.findRunningJobExecutions(job.jobName())
                    .forEach(execution -> candidates.add(execution.getJobInstance().getInstanceId()));
        }
        return candidates;
    }

    private boolean resume(JobInstance instance, @Nullable JobExecution last) {
        Optional<RegistryJob> job = RegistryJob.named(instance.getJobName());
        if (job.isEmpty() || last == null || !restartable(last)) {
            node.release(instance);
            return false;
        }
        // Read before recover(), which marks an interrupted run failed too.
        boolean failed = last.getStatus() == BatchStatus.FAILED;
        if (failed && repository.getJobExecutions(instance).size() >= MAX_FAILED_RUNS) {
            log.warn("Run {} of job {} failed; given up after {} runs", last.getId(), instance.getJobName(), MAX_FAILED_RUNS);
            node.release(instance);
            return false;
        }
        try {
            if (last.getStatus().isRunning()) {
                jobOperator.recover(last);
            }
            log.info("Restarting {} run {} of job {}", failed ? "failed" : "interrupted", last.getId(), instance.getJobName());
            runs.start(job.get(), last.getJobParameters());
            return true;
        }
        catch (RuntimeException ex) {
            log.error("Run {} of job {} could not be restarted: {}", last.getId(), instance.getJobName(),
                    ex.getClass().getSimpleName());
            node.release(instance);
            return false;
        }
    }

    private static boolean restartable(JobExecution last) {
        BatchStatus status = last.getStatus();
        return status.isRunning() || status == BatchStatus.FAILED || status == BatchStatus.STOPPED;
    }
}
