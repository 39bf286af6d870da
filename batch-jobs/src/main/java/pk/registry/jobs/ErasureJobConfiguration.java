package pk.registry.jobs;

import java.util.Set;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import pk.registry.kernel.Actor;
import pk.registry.kernel.Role;
import pk.registry.retention.Erasures;
import pk.registry.retention.RetentionSchedule;

/**
 * The {@code erasure} job: carries out every approved erasure request, a chunk of requests per
 * transaction ({@code registry.retention.batch-size}). The reader pages through approved requests
 * in household order and saves the household and request of each committed chunk's last; the writer carries each request out
 * in the chunk's transaction ({@link Erasures#carryOutAll}: household erased and certified, deferred
 * by a legal hold, or skipped when no longer approved) and counts the outcomes into the report.
 * A crash or failure rolls back the chunk in flight; the restart goes on after the last committed
 * one, and a request carried out already is no longer approved, so none is erased or certified
 * twice. Parameters: {@code run} (a fresh id per run) and {@code dryRun} (report
 * {@link Erasures#plan()} and change nothing).
 */
@Configuration(proxyBeanMethods = false)
class ErasureJobConfiguration {

    static final String JOB = "erasure";
    /** Who carries out erasures, in the audit trail. */
    static final Actor ERASURE_JOB = new Actor("erasure-job", Role.DPO, Set.of(), null);

    @Bean
    Job erasure(JobRepository jobs, Step planErasures, Step carryOutErasures, JobNode node) {
        DryRun dryRun = new DryRun();
        return new JobBuilder(JOB, jobs).listener(node)
                .start(dryRun).on(DryRun.PLAN).to(planErasures)
                .from(dryRun).on(DryRun.CHANGE).to(carryOutErasures)
                .end().build();
    }

    /** The dry run: how many requests are approved, and how many of them a hold would defer. */
    @Bean
    Step planErasures(JobRepository jobs, PlatformTransactionManager transactions, Erasures erasures) {
        return new StepBuilder("planErasures", jobs).tasklet((contribution, context) -> {
            var report = context.getStepContext().getStepExecution().getExecutionContext();
            erasures.plan().forEach((key, count) -> report.putLong(JobRuns.REPORT_PREFIX + key, count));
            return RepeatStatus.FINISHED;
        }, transactions).build();
    }

    @Bean
    Step carryOutErasures(JobRepository jobs, PlatformTransactionManager transactions, RetentionSchedule schedule,
            ApprovedRequests approvedRequests, ErasureWriter erasureWriter) {
        return new StepBuilder("carryOutErasures", jobs).<Erasures.Approved, Erasures.Approved>chunk(schedule.batchSize())
                .transactionManager(transactions)
                .reader(approvedRequests)
                .writer(erasureWriter)
                .build();
    }

    @Bean
    @StepScope
    ApprovedRequests approvedRequests(Erasures erasures, RetentionSchedule schedule) {
        return new ApprovedRequests(erasures, schedule.batchSize());
    }

    @Bean
    @StepScope
    ErasureWriter erasureWriter(Erasures erasures) {
        return new ErasureWriter(erasures, ERASURE_JOB);
    }
}
