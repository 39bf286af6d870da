package pk.registry.imports;

import java.sql.Timestamp;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the import's row in step with its job, and deletes the staged file once it is no
 * longer needed: when the import completed, or when the file itself was refused. A file whose
 * import failed for another reason stays, so the import can resume.
 */
@Component
class ImportLifecycle implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(ImportLifecycle.class);

    private final JdbcClient jdbc;
    private final ImportProperties properties;
    private final Clock clock;

    ImportLifecycle(JdbcClient jdbc, ImportProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        jdbc.sql("UPDATE household_import SET status = 'STARTED', failure = NULL WHERE id = :id")
                .param("id", importId(execution)).update();
    }

    @Override
    public void afterJob(JobExecution execution) {
        String id = importId(execution);
        boolean completed = execution.getStatus() == BatchStatus.COMPLETED;
        ImportFileException refused = execution.getAllFailureExceptions().stream()
                .map(FileFailures::refusal).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        String failure = completed ? null : refused != null ? refused.getMessage()
                : "the import stopped unexpectedly; it will be resumed automatically";
        boolean finished = completed || refused != null;
        jdbc.sql("""
                UPDATE household_import SET status = :status, failure = :failure, finished_at = :at,
                       owner_node = CASE WHEN :finished = 1 THEN NULL ELSE owner_node END
                WHERE id = :id""")
                .param("status", completed ? "COMPLETED" : "FAILED").param("failure", failure)
                .param("at", finished ? Timestamp.from(clock.instant()) : null).param("finished", finished ? 1 : 0)
                .param("id", id).update();
        if (finished) {
            HouseholdImportJobConfiguration.deleteStaged(properties, id);
        }
        log.info("Import {} ended {}", id, execution.getStatus());
    }

    private static String importId(JobExecution execution) {
        return execution.getJobParameters().getString(HouseholdImportJobConfiguration.IMPORT_ID);
    }

    /** Finds a file refusal in a failure's causes. */
    static final class FileFailures {
        private FileFailures() {
        }

        static ImportFileException refusal(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof ImportFileException refused) {
                    return refused;
                }
            }
            return null;
        }
    }
}
