package pk.registry.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import pk.registry.household.HouseholdScores;
import pk.registry.kernel.Ids;

/**
 * Runs one of the registry's jobs headless, for a scheduler: {@code --spring.batch.job.name=rescoring}
 * rescores every household under the active model, {@code erasure} carries out the approved
 * erasure requests, {@code retentionSweep} applies the retention schedule as of now; the DPO's
 * two take {@code --dryRun=true}. The same jobs as ones started over HTTP or by an event, run to
 * their end; the exit code is 0 when the run completed, 1 otherwise.
 */
@Component("jobCommandLine")
@ConditionalOnExpression("{'rescoring', 'erasure', 'retentionSweep'}.contains('${spring.batch.job.name:}')")
class JobCommandLine implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(JobCommandLine.class);

    private final JobRuns runs;
    private final DpoJobs dpoJobs;
    private final HouseholdScores scores;
    private final Environment environment;
    private int exitCode = 1;

    JobCommandLine(JobRuns runs, DpoJobs dpoJobs, HouseholdScores scores, Environment environment) {
        this.runs = runs;
        this.dpoJobs = dpoJobs;
        this.scores = scores;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        RegistryJob job = RegistryJob.named(environment.getRequiredProperty("spring.batch.job.name")).orElseThrow();
        JobRunStatus status = job == RegistryJob.RESCORING
                ? runs.runNow(job, Rescorings.parameters(scores.activeModel().version(),
                        "command-line-" + Ids.newId()))
                : dpoJobs.runNow(job, environment.getProperty(DryRun.PARAMETER, Boolean.class, false));
        log.info("Job {} run {} ended {}: {} read, {} written, report {}", job.jobName(), status.id(), status.status(),
                status.read(), status.written(), status.report());
        exitCode = "COMPLETED".equals(status.status()) ? 0 : 1;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
