package pk.registry.jobs;

import java.time.Clock;
import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import pk.registry.household.HouseholdScores;

/**
 * Runs one of the registry's jobs headless, for a scheduler: {@code --spring.batch.job.name=rescoring}
 * rescores every household under the active model. The same job as one started over HTTP or by
 * an event, run to its end; the exit code is 0 when it completed.
 */
@Component("jobCommandLine")
@ConditionalOnExpression("'${spring.batch.job.name:}' == 'rescoring'")
class JobCommandLine implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(JobCommandLine.class);

    private final JobRuns runs;
    private final HouseholdScores scores;
    private final Environment environment;
    private final Clock clock;
    private int exitCode = 1;

    JobCommandLine(JobRuns runs, HouseholdScores scores, Environment environment, Clock clock) {
        this.runs = runs;
        this.scores = scores;
        this.environment = environment;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        String name = environment.getRequiredProperty("spring.batch.job.name");
        RegistryJob job = Arrays.stream(RegistryJob.values()).filter(candidate -> candidate.jobName().equals(name))
                .findFirst().orElseThrow();
        JobRunStatus status = runs.runNow(job, Rescorings.parameters(scores.activeModel().version(),
                "command-line-" + clock.millis()));
        log.info("Job {} run {} ended {}: {} read, {} written", name, status.id(), status.status(), status.read(),
                status.written());
        exitCode = "COMPLETED".equals(status.status()) ? 0 : 1;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
