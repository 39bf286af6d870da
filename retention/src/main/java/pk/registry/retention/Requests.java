package pk.registry.retention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import pk.registry.household.HouseholdNotes;
import pk.registry.household.NotesStoredInClear.ClearNote;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.HouseholdRowsDeletion;

/**
 * Erasure requests ({@code erasure_request}). A refusal's note is sealed under the household's
 * key: once the household is erased, it reads as none.
 */
@Repository
class Requests {

    private static final String COLUMNS = """
            id, household_id, status, requested_at, decided_at, refusal_ground, refusal_note_ct, deferred_at, completed_at,
            certificate""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final HouseholdNotes notes;

    Requests(JdbcClient jdbc, JdbcTemplate batch, HouseholdNotes notes) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.notes = notes;
    }

    void insert(UUID id, HouseholdId household, byte[] requester, Instant at) {
        jdbc.sql("""
                INSERT INTO erasure_request (id, household_id, requester_token, status, requested_at, open_household)
                VALUES (:id, :household, :requester, :status, :at, :household)""")
                .param("id", id.toString()).param("household", household.toString()).param("requester", requester)
                .param("status", ErasureStatus.REQUESTED.name()).param("at", Timestamp.from(at)).update();
    }

    /** Those of the requests that exist, in any order; ids go in lists of at most {@value HouseholdRowsDeletion#MAX_IDS}. */
    List<ErasureRequest> findAll(Collection<UUID> ids) {
        List<ErasureRequest> found = new ArrayList<>();
        for (List<String> some : HouseholdRowsDeletion.inLists(ids.stream().map(UUID::toString).distinct().toList())) {
            found.addAll(jdbc.sql("SELECT " + COLUMNS + " FROM erasure_request WHERE id IN (:ids)").param("ids", some)
                    .query((rs, row) -> request(rs)).list());
        }
        return found;
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

    /** Up to {@code limit} approved requests after {@code after}, in household order (then request id). */
    List<Erasures.Approved> approvedAfter(Erasures.@Nullable Approved after, int limit) {
        // Oracle reads '' as NULL, so the first page starts below every id with "0".
        return jdbc.sql("""
                SELECT household_id, id FROM erasure_request WHERE status = 'APPROVED'
                AND household_id >= :household AND (household_id > :household OR id > :id)
                ORDER BY household_id, id FETCH FIRST :limit ROWS ONLY""")
                .param("household", after == null ? "0" : after.household().toString())
                .param("id", after == null ? "0" : after.request().toString()).param("limit", limit)
                .query((rs, row) -> new Erasures.Approved(HouseholdId.of(rs.getString(1)), UUID.fromString(rs.getString(2))))
                .list();
    }

    long countApproved() {
        return jdbc.sql("SELECT COUNT(*) FROM erasure_request WHERE status = 'APPROVED'").query(Long.class).single();
    }

    /** How many approved requests are of households under a legal hold now. */
    long countApprovedHeld() {
        return jdbc.sql("""
                SELECT COUNT(*) FROM erasure_request r WHERE r.status = 'APPROVED' AND EXISTS (
                    SELECT 1 FROM legal_hold h WHERE h.household_id = r.household_id AND h.released_at IS NULL)""")
                .query(Long.class).single();
    }

    /**
     * Decides a requested one of the household; returns whether it was still undecided. A
     * refusal's note is sealed under the household's key, and not kept if the household is gone
     * (erased by retention while the request waited): nothing could open it.
     */
    boolean decide(UUID id, HouseholdId household, ErasureStatus status, String by, Instant at,
            @Nullable RefusalGround ground, @Nullable String note) {
        return jdbc.sql("""
                UPDATE erasure_request SET status = :status, decided_by = :by, decided_at = :at, refusal_ground = :ground,
                       refusal_note_ct = :note, open_household = CASE WHEN :status = 'APPROVED' THEN open_household END
                WHERE id = :id AND status = 'REQUESTED'""")
                .param("status", status.name()).param("by", by).param("at", Timestamp.from(at))
                .param("ground", ground == null ? null : ground.name())
                .param("note", note == null ? null : notes.sealIfKept(household, noteSlot(id), note).orElse(null))
                .param("id", id.toString())
                .update() == 1;
    }

    /** Seals, a page at a time, the refusal notes stored in clear before version 27; returns whether there were any. */
    boolean sealClearNotes(int limit) {
        List<ClearNote> page = jdbc.sql("""
                SELECT id, household_id, refusal_note FROM erasure_request WHERE refusal_note IS NOT NULL
                FETCH FIRST :limit ROWS ONLY""").param("limit", limit)
                .query((rs, row) -> new ClearNote(UUID.fromString(rs.getString(1)), HouseholdId.of(rs.getString(2)),
                        rs.getString(3))).list();
        page.forEach(clear -> jdbc.sql("UPDATE erasure_request SET refusal_note_ct = :sealed, refusal_note = NULL WHERE id = :id")
                .param("sealed", notes.sealIfKept(clear.household(), noteSlot(clear.row()), clear.text()).orElse(null))
                .param("id", clear.row().toString()).update());
        return !page.isEmpty();
    }

    void defer(UUID id, Instant at) {
        jdbc.sql("UPDATE erasure_request SET deferred_at = :at WHERE id = :id AND status = 'APPROVED'")
                .param("at", Timestamp.from(at)).param("id", id.toString()).update();
    }

    /** A request carried out, with its certificate. */
    record Completion(UUID id, Instant at, String certificate) {
    }

    /** Marks approved requests carried out, with their certificates, in one batch. */
    void complete(List<Completion> completions) {
        batch.batchUpdate("""
                UPDATE erasure_request SET status = 'COMPLETED', completed_at = ?, certificate = ?, open_household = NULL
                WHERE id = ? AND status = 'APPROVED'""", completions, completions.size(), (statement, completion) -> {
            statement.setTimestamp(1, Timestamp.from(completion.at()));
            statement.setString(2, completion.certificate());
            statement.setString(3, completion.id().toString());
        });
    }

    private ErasureRequest request(ResultSet rs) throws SQLException {
        UUID id = UUID.fromString(rs.getString(1));
        HouseholdId household = HouseholdId.of(rs.getString(2));
        byte[] note = rs.getBytes(7);
        return new ErasureRequest(id, household, ErasureStatus.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant(),
                instant(rs.getTimestamp(5)), rs.getString(6) == null ? null : RefusalGround.valueOf(rs.getString(6)),
                note == null ? null : notes.openIfKept(household, noteSlot(id), note).orElse(null),
                instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)), rs.getString(10));
    }

    private static String noteSlot(UUID id) {
        return "erasure-refusal:" + id;
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
