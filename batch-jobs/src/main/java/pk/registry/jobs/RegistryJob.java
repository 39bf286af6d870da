package pk.registry.jobs;

import pk.registry.kernel.Role;

/** The jobs one may start and follow by id, and who may. */
public enum RegistryJob {

    /** Scores every household under the active proxy-means-test model. */
    RESCORING("rescoring", Role.ADMIN);

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

    /** The role that starts and follows it. */
    public Role owner() {
        return owner;
    }
}
