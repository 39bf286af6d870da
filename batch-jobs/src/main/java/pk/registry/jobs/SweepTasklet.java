package pk.registry.jobs;

import java.time.Instant;
import java.util.List;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import pk.registry.retention.RetentionSchedule;

/**
 * Deletes one batch of one category per call, in the step's transaction for that call, and
 * moves to the next category when a batch comes back short. Its place (the category in hand)
 * and the counts deleted per category ({@code report.<category>.deleted}) are written to the
 * step's context only after the batch succeeded, and commit with it: a restart goes on from the
 * last committed batch, with the counts of every batch committed before.
 */
class SweepTasklet implements Tasklet {

    static final String CATEGORY = "category";

    private final RetentionSchedule schedule;
    private final Instant runAt;

    SweepTasklet(RetentionSchedule schedule, Instant runAt) {
        this.schedule = schedule;
        this.runAt = runAt;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        ExecutionContext context = chunk.getStepContext().getStepExecution().getExecutionContext();
        List<String> categories = schedule.categories();
        if (categories.isEmpty()) {
            return RepeatStatus.FINISHED;
        }
        int current = Math.max(0, categories.indexOf(context.getString(CATEGORY, categories.get(0))));
        String category = categories.get(current);
        int deleted = schedule.sweepBatch(category, runAt);
        contribution.incrementWriteCount(deleted);
        if (!context.containsKey(CATEGORY)) {
            categories.forEach(name -> context.putLong(deletedKey(name), 0L));
        }
        context.putLong(deletedKey(category), context.getLong(deletedKey(category), 0L) + deleted);
        if (deleted >= schedule.batchSize()) {
            context.putString(CATEGORY, category);
            return RepeatStatus.CONTINUABLE;
        }
        if (current + 1 == categories.size()) {
            context.putString(CATEGORY, category);
            return RepeatStatus.FINISHED;
        }
        context.putString(CATEGORY, categories.get(current + 1));
        return RepeatStatus.CONTINUABLE;
    }

    private static String deletedKey(String category) {
        return JobRuns.REPORT_PREFIX + category + ".deleted";
    }
}
