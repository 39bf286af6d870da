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

import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.HouseholdRowsDeletion;

/** Legal holds ({@code legal_hold}). */
@Repository
class Holds {

    private static final String COLUMNS = "id, household_id, reason, reference, placed_by, placed_at, released_by, released_at";

    private final JdbcClient jdbc;

    Holds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(LegalHold hold) {
        jdbc.sql("""
                INSERT INTO legal_hold (id, household_id, reason, reference, placed_by, placed_at)
                VALUES (:id, :household, :reason, :reference, :by, :at)""")
                .param("id", hold.id().toString()).param("household", hold.household().toString())
                .param("reason", hold.reason().name()).param("reference", hold.reference()).param("by", hold.placedBy())
                .param("at", Timestamp.from(hold.placedAt())).update();
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

    private static LegalHold hold(ResultSet rs) throws SQLException {
        Timestamp released = rs.getTimestamp(8);
        return new LegalHold(UUID.fromString(rs.getString(1)), HouseholdId.of(rs.getString(2)),
                HoldReason.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(),
                rs.getString(7), released == null ? null : released.toInstant());
    }
}
