package pk.registry.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import pk.registry.kernel.Actor;
import pk.registry.kernel.Role;

/**
 * The import module's public face: accept an upload (staged to disk, never held in memory),
 * start its job, report its progress and its error report.
 */
@Service
public class HouseholdImports {

    private static final Logger log = LoggerFactory.getLogger(HouseholdImports.class);

    /** Writes the upload to the staging file it is given; the caller streams, never buffers. */
    @FunctionalInterface
    public interface Upload {
        void writeTo(Path target) throws IOException;
    }

    private final JdbcClient jdbc;
    private final JobOperator jobOperator;
    private final Job householdImport;
    private final TaskExecutor importExecutor;
    private final ImportProperties properties;
    private final ImportNode node;
    private final Clock clock;

    HouseholdImports(JdbcClient jdbc, JobOperator jobOperator, Job householdImport, TaskExecutor importExecutor,
            ImportProperties properties, ImportNode node, Clock clock) {
        this.jdbc = jdbc;
        this.jobOperator = jobOperator;
        this.householdImport = householdImport;
        this.importExecutor = importExecutor;
        this.properties = properties;
        this.node = node;
        this.clock = clock;
    }

    /** Stages an upload, records the import for the officer and starts it in the background. */
    public UUID accept(Actor officer, long size, Upload upload) {
        UUID id = stage(officer, size, upload);
        importExecutor.execute(() -> run(id));
        return id;
    }

    /** Stages and runs an import to its end in the calling thread (command line). */
    public ImportStatus runNow(Actor officer, Path file) {
        UUID id = stage(officer, fileSize(file), target -> Files.copy(file, target));
        run(id);
        return status(id).orElseThrow();
    }

    /** The import, if the actor uploaded it or is the DPO. */
    public Optional<ImportStatus> status(Actor actor, UUID id) {
        return visible(actor, id) ? status(id) : Optional.empty();
    }

    /** Writes the error report as CSV: line, household_ref, column, code, reason. */
    public boolean writeErrors(Actor actor, UUID id, Writer out) throws IOException {
        if (!visible(actor, id)) {
            return false;
        }
        // Not closed: the caller owns the writer (an HTTP response).
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader("line", "household_ref", "column", "code", "reason").get());
        jdbc.sql("""
                SELECT line, household_ref, column_name, code, message FROM import_error
                WHERE import_id = :id ORDER BY line, column_name""")
                .param("id", id.toString())
                .query(rs -> {
                    try {
                        csv.printRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
                    }
                    catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                });
        csv.flush();
        return true;
    }

    Optional<ImportStatus> status(UUID id) {
        return jdbc.sql("""
                SELECT status, lines_read, stored, rejected, bytes_read, file_bytes, created_at, finished_at, failure
                FROM household_import WHERE id = :id""")
                .param("id", id.toString())
                .query((rs, row) -> {
                    long fileBytes = Math.max(1, rs.getLong(6));
                    String status = rs.getString(1);
                    int percent = "COMPLETED".equals(status) ? 100 : (int) Math.min(99, rs.getLong(5) * 100 / fileBytes);
                    Timestamp finished = rs.getTimestamp(8);
                    return new ImportStatus(id, status, rs.getLong(2), rs.getLong(3), rs.getLong(4), percent,
                            rs.getTimestamp(7).toInstant(), finished == null ? null : finished.toInstant(), rs.getString(9));
                })
                .optional();
    }

    /** Starts the import's job, or restarts its interrupted execution. */
    void run(UUID id) {
        node.runHere(id.toString(), () -> {
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

    UUID stage(Actor officer, long size, Upload upload) {
        if (!officer.is(Role.FIELD_OFFICER)) {
            throw new IllegalArgumentException("only field officers upload household forms");
        }
        UUID id = UUID.randomUUID();
        Path target = HouseholdImportJobConfiguration.staged(properties, id.toString());
        try {
            Files.createDirectories(target.getParent());
            upload.writeTo(target);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("the upload could not be staged", ex);
        }
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO household_import (id, officer, districts, file_bytes, status, created_at, owner_node, lease_until)
                VALUES (:id, :officer, :districts, :bytes, 'STARTING', :at, :node, :lease)""")
                .param("id", id.toString()).param("officer", officer.subject())
                .param("districts", String.join(",", officer.districts().stream().sorted().toList()))
                .param("bytes", size).param("at", Timestamp.from(now)).param("node", node.id())
                .param("lease", Timestamp.from(now.plus(properties.lease()))).update();
        return id;
    }

    private boolean visible(Actor actor, UUID id) {
        List<String> officers = jdbc.sql("SELECT officer FROM household_import WHERE id = :id").param("id", id.toString())
                .query(String.class).list();
        return !officers.isEmpty() && (actor.is(Role.DPO) || actor.is(Role.FIELD_OFFICER) && officers.get(0).equals(actor.subject()));
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
