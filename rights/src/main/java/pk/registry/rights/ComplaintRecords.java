package pk.registry.rights;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.HouseholdRowsDeletion;

/** Complaints ({@code complaint}); their text and answer sealed under the household's key. */
@Repository
class ComplaintRecords {

    private static final String COLUMNS = "id, reference, household_id, status, content_ct, created_at, answer_ct, answered_at";

    private final JdbcClient jdbc;

    ComplaintRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A row: clear columns and the sealed text and answer. */
    record Row(UUID id, String reference, HouseholdId household, ComplaintStatus status, byte[] content,
            Instant lodgedAt, byte @Nullable [] answer, @Nullable Instant answeredAt) {
    }

    /**
     * Inserts an open complaint.
     * @throws org.springframework.dao.DuplicateKeyException if its reference is taken
     */
    void insert(Row row) {
        jdbc.sql("""
                INSERT INTO complaint (id, reference, household_id, status, content_ct, created_at)
                VALUES (:id, :reference, :household, :status, :content, :at)""")
                .param("id", row.id().toString()).param("reference", row.reference())
                .param("household", row.household().toString()).param("status", row.status().name())
                .param("content", row.content()).param("at", Timestamp.from(row.lodgedAt())).update();
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM complaint WHERE id = :id").param("id", id.toString())
                .query((rs, row) -> row(rs)).optional();
    }

    /** How many complaints the household lodged since then. */
    long countSince(HouseholdId household, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM complaint WHERE household_id = :household AND created_at >= :since")
                .param("household", household.toString()).param("since", Timestamp.from(since)).query(Long.class).single();
    }

    /** The household's complaints, oldest first. */
    List<Row> of(HouseholdId household) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM complaint WHERE household_id = :household ORDER BY created_at, id")
                .param("household", household.toString()).query((rs, row) -> row(rs)).list();
    }

    /** Complaints of a status (all when {@code null}), oldest first, a page at a time. */
    List<Row> page(@Nullable ComplaintStatus status, int page, int size) {
        var query = jdbc.sql("SELECT " + COLUMNS + " FROM complaint" + (status == null ? "" : " WHERE status = :status")
                + " ORDER BY created_at, id OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY")
                .param("offset", (long) page * size).param("size", size);
        return (status == null ? query : query.param("status", status.name())).query((rs, row) -> row(rs)).list();
    }

    /** Records the answer of an open complaint; returns whether it was still open. */
    boolean answer(UUID id, byte[] answer, String by, Instant at) {
        return jdbc.sql("""
                UPDATE complaint SET status = 'ANSWERED', answer_ct = :answer, answered_by = :by, answered_at = :at
                WHERE id = :id AND status = 'OPEN'""")
                .param("answer", answer).param("by", by).param("at", Timestamp.from(at)).param("id", id.toString())
                .update() == 1;
    }

    /** How many complaints each of the households has. */
    Map<HouseholdId, Integer> countFor(Collection<HouseholdId> households) {
        return HouseholdRowsDeletion.count(jdbc, "complaint", "household_id", households);
    }

    /** Deletes the households' complaints. */
    void eraseFor(Collection<HouseholdId> households) {
        HouseholdRowsDeletion.delete(jdbc, "complaint", "household_id", households);
    }

    private static Row row(ResultSet rs) throws SQLException {
        Timestamp answered = rs.getTimestamp(8);
        return new Row(UUID.fromString(rs.getString(1)), rs.getString(2), HouseholdId.of(rs.getString(3)),
                ComplaintStatus.valueOf(rs.getString(4)), rs.getBytes(5), rs.getTimestamp(6).toInstant(), rs.getBytes(7),
                answered == null ? null : answered.toInstant());
    }
}
