package pk.registry.imports;

import java.time.Clock;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the import's record in step with its job, and deletes the staged file once it is no
 * longer needed: when the import completed, or when the file itself was refused. A file whose
 * import failed for another reason stays, so the import can resume.
 */
@Component
class ImportLifecycle implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(ImportLifecycle.class);

    private final ImportRecords records;
    private final ImportNode node;
    private final Clock clock;

    ImportLifecycle(ImportRecords records, ImportNode node, Clock clock) {
        this.records = records;
        this.node = node;
        this.clock = clock;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        records.markStarted(importId(execution));
    }

    @Override
    public void afterJob(JobExecution execution) {
        ImportId id = importId(execution);
        boolean completed = execution.getStatus() == BatchStatus.COMPLETED;
        String refused = refusal(execution);
        boolean finished = completed || refused != null;
        records.markEnded(id, completed ? ImportState.COMPLETED : ImportState.FAILED,
                completed ? null : refused != null ? refused
                        : "the import stopped unexpectedly; it will be resumed automatically",
                finished ? clock.instant() : null);
        if (finished) {
            node.deleteStaged(id);
        }
        log.info("Import {} ended {}", id, execution.getStatus());
    }

    /** The exit code of a {@code checkFile} step that refused the file; its description says why. */
    static final String REFUSED = "REFUSED";

    static ImportId importId(JobExecution execution) {
        return ImportId.of(Objects.requireNonNull(
                execution.getJobParameters().getString(HouseholdImportJobConfiguration.IMPORT_ID)));
    }

    /** Why the file was refused, if it was: by the check ({@link #REFUSED}) or while it was read. */
    private static @Nullable String refusal(JobExecution execution) {
        for (var step : execution.getStepExecutions()) {
            if (REFUSED.equals(step.getExitStatus().getExitCode())) {
                return step.getExitStatus().getExitDescription();
            }
        }
        for (Throwable failure : execution.getAllFailureExceptions()) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof ImportFileException refused) {
                    return refused.getMessage();
                }
            }
        }
        return null;
    }
}
