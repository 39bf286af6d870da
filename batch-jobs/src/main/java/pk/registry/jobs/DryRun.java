package pk.registry.jobs;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

/**
 * The DPO's jobs take {@code dryRun=true} to report what they would do and change nothing: this
 * decider sends such a run to the job's planning step ({@value #PLAN}), any other to its work.
 */
final class DryRun implements JobExecutionDecider {

    /** The job parameter, {@code true} or {@code false}. */
    static final String PARAMETER = "dryRun";
    static final String PLAN = "PLAN";
    static final String CHANGE = "CHANGE";

    static boolean of(JobParameters parameters) {
        return Boolean.parseBoolean(parameters.getString(PARAMETER, "false"));
    }

    @Override
    public FlowExecutionStatus decide(JobExecution jobExecution, @Nullable StepExecution stepExecution) {
        return new FlowExecutionStatus(of(jobExecution.getJobParameters()) ? PLAN : CHANGE);
    }
}
