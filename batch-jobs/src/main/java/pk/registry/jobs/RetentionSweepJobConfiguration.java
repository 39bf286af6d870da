package pk.registry.jobs;

import java.time.Instant;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import pk.registry.retention.RetentionSchedule;

/**
 * The {@code retentionSweep} job: for every category of the retention schedule, deletes what has
 * outlived its period, a batch per transaction, never anything of a household under a legal
 * hold. Its identifying parameter {@code runAt} (an instant) fixes the cut-offs, so a restarted
 * run deletes exactly what the first attempt would have; {@code dryRun=true} reports per category
 * what would be deleted and what holds keep, and changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class RetentionSweepJobConfiguration {

    static final String JOB = "retentionSweep";
    /** The instant the cut-offs are reckoned from (ISO-8601). */
    static final String RUN_AT = "runAt";

    @Bean
    Job retentionSweep(JobRepository jobs, Step planSweep, Step sweepCategories, JobNode node) {
        DryRun dryRun = new DryRun();
        return new JobBuilder(JOB, jobs).listener(node)
                .start(dryRun).on(DryRun.PLAN).to(planSweep)
                .from(dryRun).on(DryRun.CHANGE).to(sweepCategories)
                .end().build();
    }

    /** The dry run: per category, {@code report.<category>.deletable} and {@code .held}. */
    @Bean
    Step planSweep(JobRepository jobs, PlatformTransactionManager transactions, Tasklet sweepPlan) {
        return new StepBuilder("planSweep", jobs).tasklet(sweepPlan, transactions).build();
    }

    @Bean
    @StepScope
    Tasklet sweepPlan(@Value("#{jobParameters['runAt']}") String runAt, RetentionSchedule schedule) {
        return (contribution, context) -> {
            var report = context.getStepContext().getStepExecution().getExecutionContext();
            schedule.plan(Instant.parse(runAt)).forEach((category, count) -> {
                report.putLong(JobRuns.REPORT_PREFIX + category + ".deletable", count.deletable());
                report.putLong(JobRuns.REPORT_PREFIX + category + ".held", count.held());
            });
            return RepeatStatus.FINISHED;
        };
    }

    /** One batch of one category per transaction, until every category is done. */
    @Bean
    Step sweepCategories(JobRepository jobs, PlatformTransactionManager transactions, SweepTasklet sweepTasklet) {
        return new StepBuilder("sweepCategories", jobs).tasklet(sweepTasklet, transactions).build();
    }

    @Bean
    @StepScope
    SweepTasklet sweepTasklet(@Value("#{jobParameters['runAt']}") String runAt, RetentionSchedule schedule) {
        return new SweepTasklet(schedule, Instant.parse(runAt));
    }
}
