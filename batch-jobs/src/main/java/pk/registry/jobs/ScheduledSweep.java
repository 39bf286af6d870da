package pk.registry.jobs;

import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import pk.registry.retention.RetentionSchedule;

/**
 * The nightly retention sweep ({@code registry.retention.sweep-cron}; "-" leaves it to an
 * external scheduler and the headless command). Skipped while a sweep is marked running. Its
 * cut-offs are reckoned from the minute it fired: nodes firing together start the same job
 * instance, which Spring Batch runs once.
 */
@Component
@ConditionalOnExpression("'${spring.batch.job.name:}' == ''")
class ScheduledSweep {

    private static final Logger log = LoggerFactory.getLogger(ScheduledSweep.class);

    private final JobRuns runs;
    private final RetentionSchedule schedule;

    ScheduledSweep(JobRuns runs, RetentionSchedule schedule) {
        this.runs = runs;
        this.schedule = schedule;
    }

    @Scheduled(cron = "${registry.retention.sweep-cron:-}")
    void sweep() {
        if (runs.isRunning(RegistryJob.RETENTION_SWEEP)) {
            log.info("The scheduled retention sweep is skipped: a sweep is running");
            return;
        }
        try {
            long id = runs.start(RegistryJob.RETENTION_SWEEP,
                    DpoJobs.sweepParameters(schedule.now().truncatedTo(ChronoUnit.MINUTES), false));
            log.info("Scheduled retention sweep started as run {}", id);
        }
        catch (IllegalStateException startedElsewhere) {
            log.info("The scheduled retention sweep was started by another node");
        }
    }
}
