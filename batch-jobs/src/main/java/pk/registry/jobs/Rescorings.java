package pk.registry.jobs;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import pk.registry.household.PmtModelActivated;

/**
 * When a model version becomes active, every household is rescored under it: the activation's
 * event (stored in the event publication registry with the activation, so a crash between the
 * two loses nothing) starts the {@code rescoring} job.
 */
@Component
class Rescorings {

    private final JobRuns runs;

    Rescorings(JobRuns runs) {
        this.runs = runs;
    }

    /**
     * After the activation committed, and outside any transaction (a job's repository must not
     * join one). The event publication registry marks the event done when the job has started.
     */
    @Async
    @TransactionalEventListener
    void on(PmtModelActivated activated) {
        runs.start(RegistryJob.RESCORING, parameters(activated.modelVersion(), activated.activation().toString()));
    }

    /** The run's parameters: the version and the activation (a version activated again is rescored again). */
    static JobParameters parameters(String modelVersion, String activation) {
        return new JobParametersBuilder().addString(RescoringJobConfiguration.MODEL_VERSION, modelVersion)
                .addString(RescoringJobConfiguration.ACTIVATION, activation).toJobParameters();
    }
}
