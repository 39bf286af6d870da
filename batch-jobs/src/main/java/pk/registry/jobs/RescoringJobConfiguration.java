package pk.registry.jobs;

import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import pk.registry.batch.ReadAhead;
import pk.registry.household.HouseholdScores;
import pk.registry.household.PreparedScore;
import pk.registry.kernel.HouseholdId;

/**
 * The {@code rescoring} job: every household without a score under the active model version
 * gets one, a chunk ({@code registry.jobs.rescoring-chunk}, default 200) at a time. The reader
 * pages through households in id order, scoring them on a thread of its own while the chunk
 * before is stored, and saves the last id of each committed chunk, so a restart goes on where
 * the crash left off; a household scored twice is impossible (the score's primary key is
 * household and version, and households scored already are skipped), and one corrected after
 * its score was worked out is scored again from what it is now. Its parameters: the model version and the activation's id.
 */
@Configuration(proxyBeanMethods = false)
class RescoringJobConfiguration {

    static final String JOB = "rescoring";
    static final String MODEL_VERSION = "modelVersion";
    static final String ACTIVATION = "activation";

    @Bean
    Job rescoring(JobRepository jobs, Step rescoreHouseholds, HouseholdScores scores, JobNode node) {
        return new JobBuilder(JOB, jobs).listener(node).start(rescoreHouseholds).listener(new JobExecutionListener() {
            @Override
            public void afterJob(JobExecution execution) {
                if (execution.getStatus() == BatchStatus.COMPLETED) {
                    scores.rescoringFinished(execution.getJobParameters().getString(MODEL_VERSION));
                }
            }
        }).build();
    }

    @Bean
    Step rescoreHouseholds(JobRepository jobs, PlatformTransactionManager transactions,
            ReadAhead<PreparedScore, PreparedScore> householdsToRescore, ItemWriter<PreparedScore> rescoreWriter,
            JobsProperties properties) {
        return new StepBuilder("rescoreHouseholds", jobs).<PreparedScore, PreparedScore>chunk(properties.rescoringChunk())
                .transactionManager(transactions)
                .reader(householdsToRescore)
                .writer(rescoreWriter)
                .build();
    }

    /** Stores a chunk's scores in the chunk's transaction. */
    @Bean
    @StepScope
    ItemWriter<PreparedScore> rescoreWriter(@Value("#{jobParameters['modelVersion']}") String version,
            HouseholdScores scores) {
        return chunk -> scores.store(List.copyOf(chunk.getItems()), version);
    }

    /**
     * Households without a score under the version, in id order, a page at a time, read, opened,
     * scored and sealed on a thread of their own, up to two chunks ahead of the writer.
     */
    @Bean
    @StepScope
    ReadAhead<PreparedScore, PreparedScore> householdsToRescore(@Value("#{jobParameters['modelVersion']}") String version,
            HouseholdScores scores, JobsProperties properties) {
        SimpleAsyncTaskExecutor thread = new SimpleAsyncTaskExecutor("rescoring-read-ahead-");
        thread.setDaemon(true);
        return new ReadAhead<>(new IdOrderReader<>((after, limit) -> scores.prepare(version, after, limit),
                PreparedScore::household, HouseholdId::of, properties.rescoringChunk()), score -> score, thread,
                2 * properties.rescoringChunk());
    }
}
