package pk.registry.retention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import pk.registry.kernel.HouseholdId;

/** Erasure requests ({@code erasure_request}). */
@Repository
class Requests {

    private static final String COLUMNS = """
            id, household_id, status, requested_at, decided_at, refusal_ground, refusal_note, deferred_at, completed_at,
            certificate""";

    private final JdbcClient jdbc;

    Requests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, HouseholdId household, byte[] requester, Instant at) {
        jdbc.sql("""
                INSERT INTO erasure_request (id, household_id, requester_token, status, requested_at)
                VALUES (:id, :household, :requester, :status, :at)""")
                .param("id", id.toString()).param("household", household.toString()).param("requester", requester)
                .param("status", ErasureStatus.REQUESTED.name()).param("at", Timestamp.from(at)).update();
    }

    Optional<ErasureRequest> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM erasure_request WHERE id = :id").param("id", id.toString())
                .query((rs, row) -> request(rs)).optional();
    }

    /** The request, if the requester (by their owner token) made it. */
    Optional<ErasureRequest> findByRequester(UUID id, byte[] requester) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM erasure_request WHERE id = :id AND requester_token = :requester")
                .param("id", id.toString()).param("requester", requester).query((rs, row) -> request(rs)).optional();
    }

    /** The household's requests not decided or not carried out yet. */
    List<ErasureRequest> openFor(HouseholdId household) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM erasure_request WHERE household_id = :household AND status IN ('REQUESTED', 'APPROVED')")
                .param("household", household.toString()).query((rs, row) -> request(rs)).list();
    }

    /** Every request of the household, oldest first. */
    List<ErasureRequest> of(HouseholdId household) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM erasure_request WHERE household_id = :household ORDER BY requested_at, id")
                .param("household", household.toString()).query((rs, row) -> request(rs)).list();
    }

    /** Requests of a status (or all), oldest first, a page at a time. */
    List<ErasureRequest> page(@Nullable ErasureStatus status, int page, int size) {
        var query = jdbc.sql("SELECT " + COLUMNS + " FROM erasure_request" + (status == null ? "" : " WHERE status = :status")
                + " ORDER BY requested_at, id OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY")
                .param("offset", (long) page * size).param("size", size);
        return (status == null ? query : query.param("status", status.name())).query((rs, row) -> request(rs)).list();
    }

    /** Up to {@code limit} approved requests after {@code after}, in id order. */
    List<ErasureRequest> approvedAfter(@Nullable UUID after, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM erasure_request WHERE status = 'APPROVED' AND id > :after"
                + " ORDER BY id FETCH FIRST :limit ROWS ONLY")
                .param("after", after == null ? "0" : after.toString()).param("limit", limit)
                .query((rs, row) -> request(rs)).list();
    }

    long countApproved() {
        return jdbc.sql("SELECT COUNT(*) FROM erasure_request WHERE status = 'APPROVED'").query(Long.class).single();
    }

    /** Decides a requested one; returns whether it was still undecided. */
    boolean decide(UUID id, ErasureStatus status, String by, Instant at, @Nullable RefusalGround ground,
            @Nullable String note) {
        return jdbc.sql("""
                UPDATE erasure_request SET status = :status, decided_by = :by, decided_at = :at, refusal_ground = :ground,
                       refusal_note = :note
                WHERE id = :id AND status = 'REQUESTED'""")
                .param("status", status.name()).param("by", by).param("at", Timestamp.from(at))
                .param("ground", ground == null ? null : ground.name()).param("note", note).param("id", id.toString())
                .update() == 1;
    }

    void defer(UUID id, Instant at) {
        jdbc.sql("UPDATE erasure_request SET deferred_at = :at WHERE id = :id AND status = 'APPROVED'")
                .param("at", Timestamp.from(at)).param("id", id.toString()).update();
    }

    /** Marks an approved request carried out, with its certificate; returns whether it was still approved. */
    boolean complete(UUID id, Instant at, String certificate) {
        return jdbc.sql("""
                UPDATE erasure_request SET status = 'COMPLETED', completed_at = :at, certificate = :certificate
                WHERE id = :id AND status = 'APPROVED'""")
                .param("at", Timestamp.from(at)).param("certificate", certificate).param("id", id.toString()).update() == 1;
    }

    private static ErasureRequest request(ResultSet rs) throws SQLException {
        return new ErasureRequest(UUID.fromString(rs.getString(1)), HouseholdId.of(rs.getString(2)),
                ErasureStatus.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant(), instant(rs.getTimestamp(5)),
                rs.getString(6) == null ? null : RefusalGround.valueOf(rs.getString(6)), rs.getString(7),
                instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)), rs.getString(10));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
