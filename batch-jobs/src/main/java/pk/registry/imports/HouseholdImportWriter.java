package pk.registry.imports;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import pk.registry.household.HouseholdManagement;
import pk.registry.kernel.Actor;

/**
 * Stores the valid households of a chunk, and its error rows and progress counters, all in
 * the chunk's transaction: a crash loses or repeats nothing, because the reader's offset
 * commits with them. A CNIC already registered (earlier upload, the API, earlier in this
 * file) is a row error that names no other household.
 */
class HouseholdImportWriter implements ItemWriter<ImportItem> {

    private final HouseholdManagement households;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Actor officer;
    private final String importId;
    private final Clock clock;

    HouseholdImportWriter(HouseholdManagement households, JdbcClient jdbc, JdbcTemplate batch,
            Actor officer, String importId, Clock clock) {
        this.households = households;
        this.jdbc = jdbc;
        this.batch = batch;
        this.officer = officer;
        this.importId = importId;
        this.clock = clock;
    }

    @Override
    public void write(Chunk<? extends ImportItem> chunk) {
        long stored = 0;
        long rejected = 0;
        List<RowError> errors = new ArrayList<>();
        List<ImportItem> valid = new ArrayList<>();
        ImportItem last = null;
        for (ImportItem item : chunk) {
            last = item;
            if (item.valid()) {
                valid.add(item);
            }
            else {
                rejected++;
                errors.addAll(item.errors());
            }
        }
        List<List<Integer>> outcomes = households.importHouseholds(officer,
                valid.stream().map(ImportItem::sealed).toList());
        for (int i = 0; i < valid.size(); i++) {
            List<Integer> taken = outcomes.get(i);
            if (taken.isEmpty()) {
                stored++;
                continue;
            }
            rejected++;
            ImportItem item = valid.get(i);
            for (int member : taken) {
                errors.add(new RowError(item.source().rows().get(member).line(), item.source().householdRef(), "cnic",
                        "AlreadyRegistered", "is already registered"));
            }
        }
        Timestamp now = Timestamp.from(clock.instant());
        batch.batchUpdate("""
                INSERT INTO import_error (import_id, line, household_ref, column_name, code, message, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", errors.stream().map(error -> new Object[] { importId, error.line(),
                error.householdRef(), error.column(), error.code(), error.message(), now }).toList());
        if (last != null) {
            jdbc.sql("""
                    UPDATE household_import SET stored = stored + :stored, rejected = rejected + :rejected,
                           lines_read = :lines, bytes_read = :bytes WHERE id = :id""")
                    .param("stored", stored).param("rejected", rejected).param("lines", last.source().linesRead())
                    .param("bytes", last.source().bytesRead()).param("id", importId).update();
        }
    }
}
