package pk.registry.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;

import pk.registry.kernel.Actor;
import pk.registry.kernel.Role;

/**
 * The import module's public face: accept an upload (staged to disk, never held in memory),
 * start its job, report its progress and its error report to the officer who uploaded it and
 * to the DPO.
 */
@Service
public class HouseholdImports {

    private static final Logger log = LoggerFactory.getLogger(HouseholdImports.class);

    /** Writes the upload to the staging file it is given; the caller streams, never buffers. */
    @FunctionalInterface
    public interface Upload {
        void writeTo(Path target) throws IOException;
    }

    private final ImportRecords records;
    private final ImportQuota quota;
    private final JobOperator jobOperator;
    private final Job householdImport;
    private final TaskExecutor importExecutor;
    private final ImportNode node;
    private final Clock clock;

    HouseholdImports(ImportRecords records, ImportQuota quota, JobOperator jobOperator, Job householdImport,
            TaskExecutor importExecutor, ImportNode node, Clock clock) {
        this.records = records;
        this.quota = quota;
        this.jobOperator = jobOperator;
        this.householdImport = householdImport;
        this.importExecutor = importExecutor;
        this.node = node;
        this.clock = clock;
    }

    /**
     * Stages an upload, records the import for the officer and starts it in the background.
     * @throws TooManyImportsException if the officer has as many imports running as one may
     */
    public ImportId accept(Actor officer, long size, Upload upload) {
        quota.requireRoomFor(officer);
        ImportId id = stage(officer, size, upload, true);
        importExecutor.execute(() -> run(id));
        return id;
    }

    /** Stages and runs an import to its end in the calling thread (command line). */
    public ImportStatus runNow(Actor officer, Path file) {
        ImportId id = stage(officer, fileSize(file), target -> Files.copy(file, target));
        run(id);
        return records.status(id).orElseThrow();
    }

    /** The import, if the actor uploaded it or is the DPO. */
    public Optional<ImportStatus> status(Actor actor, ImportId id) {
        return visible(actor, id) ? records.status(id) : Optional.empty();
    }

    /**
     * Writes the error report as CSV (line, household_ref, column, code, reason) if the actor may see it.
     * @return whether it was written
     */
    public boolean writeErrors(Actor actor, ImportId id, Writer out) throws IOException {
        if (!visible(actor, id)) {
            return false;
        }
        // Not closed: the caller owns the writer (an HTTP response).
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader("line", "household_ref", "column", "code", "reason").get());
        records.errors(id, error -> {
            try {
                csv.printRecord(error.line(), SpreadsheetCells.neutralised(error.householdRef()),
                        SpreadsheetCells.neutralised(error.column()), error.code(), SpreadsheetCells.neutralised(error.message()));
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
        csv.flush();
        return true;
    }

    /** Starts the import's job here and runs it to its end. */
    void run(ImportId id) {
        node.runHere(id, () -> {
            try {
                JobExecution execution = jobOperator.start(householdImport, new JobParametersBuilder()
                        .addString(HouseholdImportJobConfiguration.IMPORT_ID, id.toString()).toJobParameters());
                log.info("Import {} ran: {}", id, execution.getStatus());
            }
            catch (Exception ex) {
                log.error("Import {} could not be started: {}", id, ex.getClass().getSimpleName());
            }
        });
    }

    /** Stages a file and records its import, whatever the officer has running (a run to its end in this thread). */
    ImportId stage(Actor officer, long size, Upload upload) {
        return stage(officer, size, upload, false);
    }

    /** @param bounded whether the officer's quota of imports running must have room for it (an upload's) */
    private ImportId stage(Actor officer, long size, Upload upload, boolean bounded) {
        if (!officer.is(Role.FIELD_OFFICER)) {
            throw new IllegalArgumentException("only field officers upload household forms");
        }
        ImportId id = ImportId.newId();
        Path target = node.staged(id);
        try {
            Files.createDirectories(target.getParent());
            upload.writeTo(target);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("the upload could not be staged", ex);
        }
        Instant now = clock.instant();
        Runnable record = () -> records.insert(id, officer, size, now, node.id(), node.leaseFrom(now));
        if (!bounded) {
            record.run();
            return id;
        }
        try {
            quota.addWithinQuota(officer, record);
        }
        catch (TooManyImportsException uploadedMeanwhile) {
            deleteQuietly(target);
            throw uploadedMeanwhile;
        }
        return id;
    }

    /** Deletes a staged file no import was recorded for; one left behind is deleted by the stagedUploads retention. */
    private static void deleteQuietly(Path staged) {
        try {
            Files.deleteIfExists(staged);
        }
        catch (IOException ex) {
            log.warn("A refused upload's staged file was left for the retention to delete ({})", ex.getClass().getSimpleName());
        }
    }

    private boolean visible(Actor actor, ImportId id) {
        return records.officer(id).filter(officer -> actor.is(Role.DPO)
                || actor.is(Role.FIELD_OFFICER) && officer.subject().equals(actor.subject())).isPresent();
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
