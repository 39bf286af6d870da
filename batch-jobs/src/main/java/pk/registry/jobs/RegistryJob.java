package pk.registry.jobs;

import java.util.Arrays;
import java.util.Optional;

import pk.registry.kernel.Role;

/** The jobs one may start and follow by id, and who may. */
public enum RegistryJob {

    /** Scores every household under the active proxy-means-test model. */
    RESCORING("rescoring", Role.ADMIN),

    /** Carries out the approved erasure requests (a held household's is deferred). */
    ERASURE("erasure", Role.DPO),

    /** Deletes, per category of the retention schedule, what has outlived its period. */
    RETENTION_SWEEP("retentionSweep", Role.DPO);

    private final String jobName;
    private final Role owner;

    RegistryJob(String jobName, Role owner) {
        this.jobName = jobName;
        this.owner = owner;
    }

    /** The Spring Batch job's name. */
    public String jobName() {
        return jobName;
    }

    /** The job of this Spring Batch name, if it is one of these. */
    public static Optional<RegistryJob> named(String jobName) {
        return Arrays.stream(values()).filter(job -> job.jobName.equals(jobName)).findFirst();
    }

    /** The role that starts and follows it. */
    public Role owner() {
        return owner;
    }
}
