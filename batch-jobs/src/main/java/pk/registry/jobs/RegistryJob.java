package pk.registry.jobs;

import java.util.Arrays;
import java.util.Optional;

import pk.registry.kernel.Role;

/** The jobs one may start and follow by id, and who may. */
public enum RegistryJob {

    /**
     * Scores every household under the active proxy-means-test model. The automatic consequence of
     * an activation: a run that failed (a database gone for a while) is started again by itself.
     */
    RESCORING("rescoring", Role.ADMIN, true),

    /** Carries out the approved erasure requests (a held household's is deferred). */
    ERASURE("erasure", Role.DPO, false),

    /** Deletes, per category of the retention schedule, what has outlived its period. */
    RETENTION_SWEEP("retentionSweep", Role.DPO, false);

    private final String jobName;
    private final Role owner;
    private final boolean retriedAfterFailure;

    RegistryJob(String jobName, Role owner, boolean retriedAfterFailure) {
        this.jobName = jobName;
        this.owner = owner;
        this.retriedAfterFailure = retriedAfterFailure;
    }

    /** The Spring Batch job's name. */
    public String jobName() {
        return jobName;
    }

    /** The job of this Spring Batch name, if it is one of these. */
    public static Optional<RegistryJob> named(String jobName) {
        return Arrays.stream(values()).filter(job -> job.jobName.equals(jobName)).findFirst();
    }

    /**
     * Whether a failed run is started again by itself, a lease period later, up to
     * {@link JobRecovery#MAX_FAILED_RUNS} runs; the DPO's jobs are not run behind the DPO's back.
     */
    boolean retriedAfterFailure() {
        return retriedAfterFailure;
    }

    /** The role that starts and follows it. */
    public Role owner() {
        return owner;
    }
}
