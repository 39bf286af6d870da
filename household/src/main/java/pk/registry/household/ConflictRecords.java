package pk.registry.household;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import pk.registry.kernel.DailyQuota;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.HouseholdRowsDeletion;
import pk.registry.kernel.Turns;

/** Refused self-registrations ({@code registration_conflict}): never a CNIC, name or mobile. */
@Repository
class ConflictRecords {

    /** Hex characters of the owner token the DPO sees: enough to tell applicants apart, not the stored token. */
    private static final int REFERENCE_LENGTH = 16;
    private static final HexFormat HEX = HexFormat.of();

    private final JdbcClient jdbc;
    private final Turns turns;

    ConflictRecords(JdbcClient jdbc, Turns turns) {
        this.jdbc = jdbc;
        this.turns = turns;
    }

    /**
     * Records a conflict within the applicant's daily quota, committed at once whatever becomes of
     * the caller's transaction. The applicant's conflicts are counted and recorded one after
     * another (their turn), so that submissions at once cannot all find room.
     * @return how long until the quota frees, nothing recorded, if it is used up
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    Optional<Duration> recordWithin(DailyQuota quota, Instant at, ConflictKind kind, byte[] applicant,
            @Nullable HouseholdId household, List<Integer> memberPositions) {
        turns.take("registration-conflicts", HEX.formatHex(applicant));
        Optional<Duration> refused = quota.retryAfter(at, since -> countSince(applicant, since));
        if (refused.isEmpty()) {
            record(at, kind, applicant, household, memberPositions);
        }
        return refused;
    }

    /** Records a conflict, counted against no quota, in the caller's transaction if there is one. */
    void record(Instant at, ConflictKind kind, byte[] applicant, @Nullable HouseholdId household,
            List<Integer> memberPositions) {
        jdbc.sql("""
                INSERT INTO registration_conflict (id, occurred_at, kind, applicant_token, household_id, member_positions)
                VALUES (:id, :at, :kind, :applicant, :household, :positions)""")
                .param("id", UUID.randomUUID().toString()).param("at", Timestamp.from(at)).param("kind", kind.name())
                .param("applicant", applicant).param("household", household == null ? null : household.toString())
                .param("positions", memberPositions.isEmpty() ? null
                        : memberPositions.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .update();
    }

    /** How many conflicts of the applicant were recorded at or after {@code from}. */
    long countSince(byte[] applicant, Instant from) {
        return jdbc.sql("SELECT COUNT(*) FROM registration_conflict WHERE applicant_token = :applicant AND occurred_at >= :from")
                .param("applicant", applicant).param("from", Timestamp.from(from)).query(Long.class).single();
    }

    /** How many conflicts each of the applicants' own submissions made, by the hex of their token; those with none left out. */
    Map<String, Integer> countMadeBy(List<byte[]> applicants) {
        Map<String, Integer> counts = new HashMap<>();
        for (List<byte[]> some : HouseholdRowsDeletion.inLists(applicants)) {
            jdbc.sql("""
                    SELECT applicant_token, COUNT(*) FROM registration_conflict WHERE applicant_token IN (:tokens)
                    GROUP BY applicant_token""")
                    .param("tokens", some)
                    .query(rs -> {
                        counts.put(HexFormat.of().formatHex(rs.getBytes(1)), rs.getInt(2));
                    });
        }
        return counts;
    }

    /** Deletes the conflicts the applicants' own submissions made, in the caller's transaction. */
    void eraseMadeBy(List<byte[]> applicants) {
        for (List<byte[]> some : HouseholdRowsDeletion.inLists(applicants)) {
            jdbc.sql("DELETE FROM registration_conflict WHERE applicant_token IN (:tokens)").param("tokens", some).update();
        }
    }

    /** How many conflicts were recorded before the cut-off. */
    long countBefore(Instant cutoff) {
        return jdbc.sql("SELECT COUNT(*) FROM registration_conflict WHERE occurred_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff)).query(Long.class).single();
    }

    /** Deletes up to {@code limit} conflicts recorded before the cut-off; how many. */
    int deleteBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                DELETE FROM registration_conflict WHERE id IN (
                    SELECT id FROM registration_conflict WHERE occurred_at < :cutoff FETCH FIRST :limit ROWS ONLY)""")
                .param("cutoff", Timestamp.from(cutoff)).param("limit", limit).update();
    }

    /** A page of all conflicts, newest first. */
    List<RegistrationConflict> newestFirst(int page, int size) {
        return jdbc.sql("""
                SELECT id, occurred_at, kind, applicant_token, household_id, member_positions FROM registration_conflict
                ORDER BY occurred_at DESC, id DESC OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY""")
                .param("offset", (long) page * size).param("size", size).query((rs, row) -> conflict(rs)).list();
    }

    private static RegistrationConflict conflict(ResultSet rs) throws SQLException {
        String household = rs.getString(5);
        String positions = rs.getString(6);
        return new RegistrationConflict(UUID.fromString(rs.getString(1)), rs.getTimestamp(2).toInstant(),
                ConflictKind.valueOf(rs.getString(3)), HEX.formatHex(rs.getBytes(4)).substring(0, REFERENCE_LENGTH),
                household == null ? null : HouseholdId.of(household),
                positions == null ? List.of() : Arrays.stream(positions.split(",")).map(Integer::valueOf).toList());
    }
}
