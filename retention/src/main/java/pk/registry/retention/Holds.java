package pk.registry.retention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import pk.registry.household.HouseholdNotes;
import pk.registry.household.NotesStoredInClear.ClearNote;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.HouseholdRowsDeletion;

/**
 * Legal holds ({@code legal_hold}). A hold's case reference is sealed under the household's key:
 * the hold outlives its release, and the household's erasure after it, and a case title may name
 * a person.
 */
@Repository
class Holds {

    private static final String COLUMNS = "id, household_id, reason, reference_ct, placed_by, placed_at, released_by, released_at";

    private final JdbcClient jdbc;
    private final HouseholdNotes notes;

    Holds(JdbcClient jdbc, HouseholdNotes notes) {
        this.jdbc = jdbc;
        this.notes = notes;
    }

    /** Inserts a hold on a household that is kept. */
    void insert(LegalHold hold, String reference) {
        jdbc.sql("""
                INSERT INTO legal_hold (id, household_id, reason, reference_ct, placed_by, placed_at)
                VALUES (:id, :household, :reason, :reference, :by, :at)""")
                .param("id", hold.id().toString()).param("household", hold.household().toString())
                .param("reason", hold.reason().name())
                .param("reference", notes.seal(hold.household(), referenceSlot(hold.id()), reference))
                .param("by", hold.placedBy()).param("at", Timestamp.from(hold.placedAt())).update();
    }

    /** Seals, a page at a time, the references stored in clear before version 27; returns whether there were any. */
    boolean sealClearReferences(int limit) {
        List<ClearNote> page = jdbc.sql("""
                SELECT id, household_id, reference FROM legal_hold WHERE reference IS NOT NULL FETCH FIRST :limit ROWS ONLY""")
                .param("limit", limit).query((rs, row) -> new ClearNote(UUID.fromString(rs.getString(1)),
                        HouseholdId.of(rs.getString(2)), rs.getString(3))).list();
        page.forEach(clear -> jdbc.sql("UPDATE legal_hold SET reference_ct = :sealed, reference = NULL WHERE id = :id")
                .param("sealed", notes.sealIfKept(clear.household(), referenceSlot(clear.row()), clear.text()).orElse(null))
                .param("id", clear.row().toString()).update());
        return !page.isEmpty();
    }

    Optional<LegalHold> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM legal_hold WHERE id = :id").param("id", id.toString())
                .query((rs, row) -> hold(rs)).optional();
    }

    /** Releases a placed hold; returns whether it was placed. */
    boolean release(UUID id, String by, Instant at) {
        return jdbc.sql("""
                UPDATE legal_hold SET released_by = :by, released_at = :at WHERE id = :id AND released_at IS NULL""")
                .param("by", by).param("at", Timestamp.from(at)).param("id", id.toString()).update() == 1;
    }

    /** The households under at least one placed hold. */
    Set<HouseholdId> held() {
        return new HashSet<>(jdbc.sql("SELECT DISTINCT household_id FROM legal_hold WHERE released_at IS NULL")
                .query((rs, row) -> HouseholdId.of(rs.getString(1))).list());
    }

    /** Those of the households under a hold now. */
    Set<HouseholdId> heldAmong(Collection<HouseholdId> households) {
        Set<HouseholdId> held = new HashSet<>();
        for (List<String> ids : HouseholdRowsDeletion.idLists(households)) {
            jdbc.sql("SELECT DISTINCT household_id FROM legal_hold WHERE household_id IN (:ids) AND released_at IS NULL")
                    .param("ids", ids).query((rs, row) -> HouseholdId.of(rs.getString(1))).list().forEach(held::add);
        }
        return held;
    }

    /** Holds, placed ones first, newest first (then by id, so that pages neither overlap nor skip), a page at a time. */
    List<LegalHold> page(int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM legal_hold ORDER BY released_at DESC NULLS FIRST, placed_at DESC, id"
                + " OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY")
                .param("offset", (long) page * size).param("size", size).query((rs, row) -> hold(rs)).list();
    }

    private LegalHold hold(ResultSet rs) throws SQLException {
        UUID id = UUID.fromString(rs.getString(1));
        HouseholdId household = HouseholdId.of(rs.getString(2));
        byte[] reference = rs.getBytes(4);
        Timestamp released = rs.getTimestamp(8);
        return new LegalHold(id, household, HoldReason.valueOf(rs.getString(3)),
                reference == null ? null : notes.openIfKept(household, referenceSlot(id), reference).orElse(null),
                rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7), released == null ? null : released.toInstant());
    }

    private static String referenceSlot(UUID id) {
        return "legal-hold:" + id;
    }
}
