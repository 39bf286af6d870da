package pk.registry.imports;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import pk.registry.kernel.Actor;
import pk.registry.kernel.Role;

/**
 * Imports and their error reports ({@code household_import}, {@code import_error}): ids,
 * counts, offsets, leases and rule codes, never personal data.
 */
@Repository
class ImportRecords {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ImportRecords(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Records a staged upload, leased by the node that will run it. */
    void insert(ImportId id, Actor officer, long fileBytes, Instant at, String node, Instant leaseUntil) {
        jdbc.sql("""
                INSERT INTO household_import (id, officer, districts, file_bytes, status, created_at, owner_node, lease_until)
                VALUES (:id, :officer, :districts, :bytes, :status, :at, :node, :lease)""")
                .param("id", id.toString()).param("officer", officer.subject())
                .param("districts", String.join(",", officer.districts().stream().sorted().toList()))
                .param("bytes", fileBytes).param("status", ImportState.STARTING.name()).param("at", Timestamp.from(at))
                .param("node", node).param("lease", Timestamp.from(leaseUntil)).update();
    }

    /** How many of the officer's imports are starting or running. */
    long runningOf(String officer) {
        return jdbc.sql("SELECT COUNT(*) FROM household_import WHERE officer = :officer AND status IN (:running)")
                .param("officer", officer)
                .param("running", java.util.List.of(ImportState.STARTING.name(), ImportState.STARTED.name()))
                .query(Long.class).single();
    }

    Optional<ImportStatus> status(ImportId id) {
        return jdbc.sql("""
                SELECT status, lines_read, stored, rejected, bytes_read, file_bytes, created_at, finished_at, failure
                FROM household_import WHERE id = :id""")
                .param("id", id.toString())
                .query((rs, row) -> {
                    ImportState state = ImportState.valueOf(rs.getString(1));
                    long fileBytes = Math.max(1, rs.getLong(6));
                    int percent = state == ImportState.COMPLETED ? 100 : (int) Math.min(99, rs.getLong(5) * 100 / fileBytes);
                    Timestamp finished = rs.getTimestamp(8);
                    return new ImportStatus(id, state, rs.getLong(2), rs.getLong(3), rs.getLong(4), percent,
                            rs.getTimestamp(7).toInstant(), finished == null ? null : finished.toInstant(), rs.getString(9));
                })
                .optional();
    }

    /** The officer who uploaded the file, as the import acts for them: their id and their districts then. */
    Optional<Actor> officer(ImportId id) {
        return jdbc.sql("SELECT officer, districts FROM household_import WHERE id = :id").param("id", id.toString())
                .query((rs, row) -> new Actor(rs.getString(1), Role.FIELD_OFFICER, districts(rs.getString(2)), null))
                .optional();
    }

    /** Hands the error report, in line order, to the consumer. */
    void errors(ImportId id, Consumer<RowError> report) {
        jdbc.sql("""
                SELECT line, household_ref, column_name, code, message FROM import_error
                WHERE import_id = :id ORDER BY line, column_name""")
                .param("id", id.toString())
                .query(rs -> {
                    report.accept(new RowError(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)));
                });
    }

    void addErrors(ImportId id, List<RowError> errors, Instant at) {
        Timestamp now = Timestamp.from(at);
        batch.batchUpdate("""
                INSERT INTO import_error (import_id, line, household_ref, column_name, code, message, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", errors, errors.size(), (statement, error) -> {
            statement.setString(1, id.toString());
            statement.setLong(2, error.line());
            statement.setString(3, error.householdRef());
            statement.setString(4, error.column());
            statement.setString(5, error.code());
            statement.setString(6, error.message());
            statement.setTimestamp(7, now);
        });
    }

    /** Adds a chunk's counts and moves the progress to where the chunk ended. */
    void addProgress(ImportId id, long stored, long rejected, long linesRead, long bytesRead) {
        jdbc.sql("""
                UPDATE household_import SET stored = stored + :stored, rejected = rejected + :rejected,
                       lines_read = :lines, bytes_read = :bytes WHERE id = :id""")
                .param("stored", stored).param("rejected", rejected).param("lines", linesRead)
                .param("bytes", bytesRead).param("id", id.toString()).update();
    }

    void markStarted(ImportId id) {
        jdbc.sql("UPDATE household_import SET status = :status, failure = NULL WHERE id = :id")
                .param("status", ImportState.STARTED.name()).param("id", id.toString()).update();
    }

    /**
     * Records how the job ended. A finished import (completed, or its file refused) leaves its
     * node; an unfinished failure keeps its lease, so that it is resumed once the lease runs out.
     */
    void markEnded(ImportId id, ImportState state, @Nullable String failure, @Nullable Instant finishedAt) {
        jdbc.sql("""
                UPDATE household_import SET status = :status, failure = :failure, finished_at = :at,
                       owner_node = CASE WHEN :finished = 1 THEN NULL ELSE owner_node END
                WHERE id = :id""")
                .param("status", state.name()).param("failure", failure)
                .param("at", finishedAt == null ? null : Timestamp.from(finishedAt))
                .param("finished", finishedAt == null ? 0 : 1).param("id", id.toString()).update();
    }

    void renewLeases(String node, Instant until) {
        jdbc.sql("""
                UPDATE household_import SET lease_until = :until
                WHERE owner_node = :node AND status IN ('STARTING', 'STARTED')""")
                .param("until", Timestamp.from(until)).param("node", node).update();
    }

    /** Imports with work left whose lease ran out: interrupted, or failed for another reason than their file. */
    List<ImportId> withExpiredLease(Instant now) {
        return jdbc.sql("""
                SELECT id FROM household_import
                WHERE (status IN ('STARTING', 'STARTED') OR status = 'FAILED' AND finished_at IS NULL)
                  AND (lease_until IS NULL OR lease_until < :now)""")
                .param("now", Timestamp.from(now)).query((rs, row) -> ImportId.of(rs.getString(1))).list();
    }

    /** Takes over an import whose lease ran out, atomically: exactly one node wins. */
    boolean claim(ImportId id, String node, Instant now, Instant leaseUntil) {
        return jdbc.sql("""
                UPDATE household_import SET owner_node = :node, lease_until = :until
                WHERE id = :id AND (status IN ('STARTING', 'STARTED') OR status = 'FAILED' AND finished_at IS NULL)
                  AND (lease_until IS NULL OR lease_until < :now)""")
                .param("node", node).param("until", Timestamp.from(leaseUntil))
                .param("id", id.toString()).param("now", Timestamp.from(now)).update() == 1;
    }

    void giveUp(ImportId id, Instant at, String failure) {
        jdbc.sql("""
                UPDATE household_import SET status = :status, finished_at = :now, owner_node = NULL, failure = :failure
                WHERE id = :id""")
                .param("status", ImportState.FAILED.name()).param("now", Timestamp.from(at)).param("id", id.toString())
                .param("failure", failure).update();
    }

    /** How many error rows were written before the cut-off. */
    long countErrorsBefore(Instant cutoff) {
        return jdbc.sql("SELECT COUNT(*) FROM import_error WHERE created_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff)).query(Long.class).single();
    }

    /**
     * Deletes error rows written before the cut-off, the rows of about {@code limit} lines
     * (all errors of a line go together); returns how many rows.
     */
    int deleteErrorsBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                DELETE FROM import_error WHERE (import_id, line) IN (
                    SELECT import_id, line FROM import_error WHERE created_at < :cutoff FETCH FIRST :limit ROWS ONLY)""")
                .param("cutoff", Timestamp.from(cutoff)).param("limit", limit).update();
    }

    /** When the import ended (completed, refused or given up); empty while it runs or may resume, or if unknown. */
    Optional<Instant> endedAt(ImportId id) {
        return jdbc.sql("SELECT finished_at FROM household_import WHERE id = :id").param("id", id.toString())
                .query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .optional().flatMap(ended -> ended);
    }

    /** Whether there is such an import. */
    boolean exists(ImportId id) {
        return jdbc.sql("SELECT COUNT(*) FROM household_import WHERE id = :id").param("id", id.toString())
                .query(Long.class).single() > 0;
    }

    private static Set<String> districts(String column) {
        return column.isEmpty() ? Set.of() : Arrays.stream(column.split(",")).collect(Collectors.toUnmodifiableSet());
    }
}
