package pk.registry.jobs;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.stereotype.Service;

import pk.registry.audit.AuditAction;
import pk.registry.audit.AuditTrail;
import pk.registry.kernel.Ids;
import pk.registry.retention.RetentionSchedule;

/**
 * The Data Protection Officer's jobs: {@code erasure} (carry out approved erasure requests) and
 * {@code retentionSweep} (apply the retention schedule), each with a dry run that reports and
 * changes nothing. Started in the background and followed by id, or run to their end for a
 * scheduler's command line. Their parameters are a run id or the sweep's instant and the dry-run
 * flag: nothing about a person.
 */
@Service
public class DpoJobs {

    private final JobRuns runs;
    private final RetentionSchedule schedule;
    private final AuditTrail audit;

    DpoJobs(JobRuns runs, RetentionSchedule schedule, AuditTrail audit) {
        this.runs = runs;
        this.schedule = schedule;
        this.audit = audit;
    }

    /** Starts an erasure run in the background; the returned id follows it. */
    public long startErasure(boolean dryRun) {
        long run = runs.start(RegistryJob.ERASURE, erasureParameters(dryRun));
        audit.recordAdministration(AuditAction.DPO_JOB_STARTED);
        return run;
    }

    /** Starts a retention sweep with its cut-offs reckoned from now, in the background; the returned id follows it. */
    public long startRetentionSweep(boolean dryRun) {
        long run = runs.start(RegistryJob.RETENTION_SWEEP, sweepParameters(schedule.now(), dryRun));
        audit.recordAdministration(AuditAction.DPO_JOB_STARTED);
        return run;
    }

    /** Runs the job to its end in the calling thread (a scheduler's command line). */
    public JobRunStatus runNow(RegistryJob job, boolean dryRun) {
        return switch (job) {
            case ERASURE -> runs.runNow(job, erasureParameters(dryRun));
            case RETENTION_SWEEP -> runs.runNow(job, sweepParameters(schedule.now(), dryRun));
            default -> throw new IllegalArgumentException("not a job of the DPO: " + job.jobName());
        };
    }

    /** The run, if it is one of the DPO's jobs. */
    public Optional<JobRunStatus> status(long id) {
        return Stream.of(RegistryJob.ERASURE, RegistryJob.RETENTION_SWEEP)
                .flatMap(job -> runs.status(job, id).stream()).findFirst();
    }

    /** A new erasure run: a fresh run id, so every start is a run of its own. */
    static JobParameters erasureParameters(boolean dryRun) {
        return new JobParametersBuilder().addString("run", Ids.newId().toString())
                .addString(DryRun.PARAMETER, String.valueOf(dryRun)).toJobParameters();
    }

    /** A sweep whose cut-offs are reckoned from {@code runAt}: its identity. */
    static JobParameters sweepParameters(Instant runAt, boolean dryRun) {
        return new JobParametersBuilder().addString(RetentionSweepJobConfiguration.RUN_AT, runAt.toString())
                .addString(DryRun.PARAMETER, String.valueOf(dryRun)).toJobParameters();
    }
}
