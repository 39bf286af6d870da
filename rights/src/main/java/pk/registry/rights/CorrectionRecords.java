package pk.registry.rights;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import pk.registry.household.NotesStoredInClear.ClearNote;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.HouseholdRowsDeletion;

/** Corrections and annotations ({@code correction}); their content sealed under the household's key. */
@Repository
class CorrectionRecords {

    private static final String COLUMNS = "id, household_id, district, kind, status, content_ct, created_at, decided_at, decision_note_ct";

    private final JdbcClient jdbc;

    CorrectionRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A row: clear columns, the sealed content and the sealed decision note. */
    record Row(UUID id, HouseholdId household, String district, CorrectionKind kind, CorrectionStatus status,
            byte[] content, Instant createdAt, @Nullable Instant decidedAt, byte @Nullable [] decisionNote) {
    }

    void insert(Row row) {
        jdbc.sql("""
                INSERT INTO correction (id, household_id, district, kind, status, content_ct, created_at)
                VALUES (:id, :household, :district, :kind, :status, :content, :at)""")
                .param("id", row.id().toString()).param("household", row.household().toString())
                .param("district", row.district()).param("kind", row.kind().name()).param("status", row.status().name())
                .param("content", row.content()).param("at", Timestamp.from(row.createdAt())).update();
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM correction WHERE id = :id").param("id", id.toString())
                .query((rs, row) -> row(rs)).optional();
    }

    /** How many corrections and annotations the household asked since then. */
    long countSince(HouseholdId household, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM correction WHERE household_id = :household AND created_at >= :since")
                .param("household", household.toString()).param("since", Timestamp.from(since)).query(Long.class).single();
    }

    List<Row> of(HouseholdId household) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM correction WHERE household_id = :household ORDER BY created_at, id")
                .param("household", household.toString()).query((rs, row) -> row(rs)).list();
    }

    /**
     * Pending corrections, oldest first, a page at a time; only of these districts (compared
     * without case) unless {@code null} (all).
     */
    List<Row> pending(@Nullable Collection<String> districts, int page, int size) {
        if (districts != null && districts.isEmpty()) {
            return List.of();
        }
        var query = jdbc.sql("SELECT " + COLUMNS + " FROM correction WHERE status = 'PENDING'"
                + (districts == null ? "" : " AND UPPER(district) IN (:districts)")
                + " ORDER BY created_at, id OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY")
                .param("offset", (long) page * size).param("size", size);
        return (districts == null ? query : query.param("districts",
                districts.stream().map(district -> district.toUpperCase(Locale.ROOT)).toList()))
                .query((rs, row) -> row(rs)).list();
    }

    /** Decides a pending correction; returns whether it was still pending. */
    boolean decide(UUID id, CorrectionStatus status, String by, Instant at, byte @Nullable [] note) {
        return jdbc.sql("""
                UPDATE correction SET status = :status, decided_by = :by, decided_at = :at, decision_note_ct = :note
                WHERE id = :id AND status = 'PENDING'""")
                .param("status", status.name()).param("by", by).param("at", Timestamp.from(at)).param("note", note)
                .param("id", id.toString()).update() == 1;
    }

    /** Up to {@code limit} decision notes still in clear (stored before V27). */
    List<ClearNote> clearNotes(int limit) {
        return jdbc.sql("SELECT id, household_id, decision_note FROM correction WHERE decision_note IS NOT NULL FETCH FIRST :limit ROWS ONLY")
                .param("limit", limit).query((rs, row) -> new ClearNote(UUID.fromString(rs.getString(1)),
                        HouseholdId.of(rs.getString(2)), rs.getString(3))).list();
    }

    /** Replaces a decision note in clear with its sealed copy (none if the household is gone). */
    void sealNote(UUID id, byte @Nullable [] sealed) {
        jdbc.sql("UPDATE correction SET decision_note_ct = :sealed, decision_note = NULL WHERE id = :id")
                .param("sealed", sealed).param("id", id.toString()).update();
    }

    /** How many corrections and annotations each of the households has. */
    Map<HouseholdId, Integer> countFor(Collection<HouseholdId> households) {
        return HouseholdRowsDeletion.count(jdbc, "correction", "household_id", households);
    }

    /** Deletes the households' corrections and annotations. */
    void eraseFor(Collection<HouseholdId> households) {
        HouseholdRowsDeletion.delete(jdbc, "correction", "household_id", households);
    }

    private static Row row(ResultSet rs) throws SQLException {
        Timestamp decided = rs.getTimestamp(8);
        return new Row(UUID.fromString(rs.getString(1)), HouseholdId.of(rs.getString(2)), rs.getString(3),
                CorrectionKind.valueOf(rs.getString(4)), CorrectionStatus.valueOf(rs.getString(5)), rs.getBytes(6),
                rs.getTimestamp(7).toInstant(), decided == null ? null : decided.toInstant(), rs.getBytes(9));
    }
}
