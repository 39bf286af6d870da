package pk.registry.household;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.HouseholdRowsDeletion;

/**
 * The households' rows and their CNIC claims ({@code household}, {@code household_cnic}).
 * Plain JDBC with batched inserts, because an import writes millions of households. A CNIC
 * claim's token is the primary key of {@code household_cnic}, so "one CNIC, one household"
 * holds under any concurrency.
 */
@Repository
class Households {

    private static final HexFormat HEX = HexFormat.of();
    private static final String COLUMNS = """
            id, status, district, member_count, created_at, owner_token, mobile_token, data_key, master_key_id,
            contact_ct, circumstances_ct, members_ct, updated_at""";

    /** Household {@code h} has no score under the model version {@code :version}. */
    private static final String UNSCORED = """
            NOT EXISTS (SELECT 1 FROM household_score s WHERE s.household_id = h.id AND s.model_version = :version)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    Households(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Inserts sealed households and their CNIC claims, two batches whatever their number. A
     * CNIC held by another household violates the claims' primary key: the database, not a
     * prior look-up, has the last word. So for owners: a household's owner token is also its
     * {@code active_owner}, unique, so that a mobile that already owns a household in the registry
     * (even one stored a moment ago by a concurrent request or import) violates that key. A
     * household stored without an owner ({@link Owners}) claims none.
     */
    void insertAll(List<SealedHousehold> households) {
        batch.batchUpdate("INSERT INTO household (" + COLUMNS + ", active_owner) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                households, households.size(), (statement, household) -> {
                    HouseholdRow row = household.row();
                    statement.setString(1, row.id().toString());
                    statement.setString(2, row.status().name());
                    statement.setString(3, row.district());
                    statement.setInt(4, row.memberCount());
                    statement.setTimestamp(5, Timestamp.from(row.createdAt()));
                    statement.setBytes(6, row.ownerToken());
                    statement.setBytes(7, row.mobileToken());
                    statement.setBytes(8, row.wrappedKey());
                    statement.setInt(9, row.masterKeyId());
                    statement.setBytes(10, row.contact());
                    statement.setBytes(11, row.circumstances());
                    statement.setBytes(12, row.members());
                    statement.setTimestamp(13, Timestamp.from(row.updatedAt()));
                    statement.setBytes(14, row.ownerToken());
                });
        List<Map.Entry<String, HouseholdId>> claims = new ArrayList<>();
        households.forEach(household -> household.cnicTokens().keySet()
                .forEach(token -> claims.add(Map.entry(token, household.id()))));
        batch.batchUpdate("INSERT INTO household_cnic (cnic_token, household_id) VALUES (?, ?)", claims, claims.size(),
                (statement, claim) -> {
                    statement.setBytes(1, HEX.parseHex(claim.getKey()));
                    statement.setString(2, claim.getValue().toString());
                });
        insertScores(households.stream().map(SealedHousehold::score).toList());
    }

    /** Inserts scores in one batch. */
    void insertScores(List<ScoreRow> scores) {
        batch.batchUpdate("""
                INSERT INTO household_score (household_id, model_version, score, explanation_ct, scored_at)
                VALUES (?, ?, ?, ?, ?)""", scores, scores.size(), (statement, score) -> {
            statement.setString(1, score.household().toString());
            statement.setString(2, score.modelVersion());
            statement.setBigDecimal(3, score.score());
            statement.setBytes(4, score.explanation());
            statement.setTimestamp(5, Timestamp.from(score.scoredAt()));
        });
    }

    /** Up to {@code limit} households, in id order after {@code after}, that have no score under the version. */
    List<HouseholdRow> unscoredAfter(String modelVersion, @Nullable HouseholdId after, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM household h WHERE h.id > :after AND " + UNSCORED
                + " ORDER BY h.id FETCH FIRST :limit ROWS ONLY")
                .param("after", after == null ? "0" : after.toString()).param("version", modelVersion)
                .param("limit", limit).query((rs, row) -> row(rs)).list();
    }

    /**
     * What a partner's answer may be built from, for the household holding a CNIC: its id,
     * district, size and score under a model version (none if not scored under it). One query,
     * the same whether or not anyone holds the CNIC.
     */
    Optional<HouseholdFacts> factsByCnic(byte[] cnicToken, String modelVersion) {
        return jdbc.sql("""
                SELECT h.id, h.district, h.member_count, s.score
                FROM household_cnic c JOIN household h ON h.id = c.household_id
                LEFT JOIN household_score s ON s.household_id = h.id AND s.model_version = :version
                WHERE c.cnic_token = :token""")
                .param("token", cnicToken).param("version", modelVersion)
                .query((rs, row) -> new HouseholdFacts(HouseholdId.of(rs.getString(1)), rs.getString(2), rs.getInt(3),
                        rs.getBigDecimal(4)))
                .optional();
    }

    /** Of these owner tokens (hex), the ones that already own a household in the registry. */
    Set<String> activeOwners(Collection<String> tokens) {
        return new HashSet<>(inGroups(List.copyOf(tokens), group -> jdbc.sql(
                "SELECT active_owner FROM household WHERE active_owner IN (:tokens)")
                .param("tokens", group.stream().map(HEX::parseHex).toList())
                .query((rs, row) -> HEX.formatHex(rs.getBytes(1))).list()));
    }

    /** Of these CNIC tokens (hex), the ones some household already holds. */
    Set<String> claimed(Collection<String> tokens) {
        return new HashSet<>(inGroups(List.copyOf(tokens), group -> jdbc.sql(
                "SELECT cnic_token FROM household_cnic WHERE cnic_token IN (:tokens)")
                .param("tokens", group.stream().map(HEX::parseHex).toList())
                .query((rs, row) -> HEX.formatHex(rs.getBytes(1))).list()));
    }

    /** Those of the households that have no score under the version. */
    List<HouseholdRow> unscoredAmong(List<HouseholdId> ids, String modelVersion) {
        return inGroups(ids, group -> jdbc.sql("SELECT " + COLUMNS + " FROM household h WHERE id IN (:ids) AND " + UNSCORED)
                .param("ids", group.stream().map(HouseholdId::toString).toList()).param("version", modelVersion)
                .query((rs, row) -> row(rs)).list());
    }

    /**
     * When each household from {@code first} to {@code last} (id order) with no score under the
     * version last changed: one range of the primary key, where a list of a chunk's ids was one
     * look-up each (a rescoring's chunks are consecutive households).
     */
    Map<HouseholdId, Instant> unscoredChangesBetween(HouseholdId first, HouseholdId last, String modelVersion) {
        return jdbc.sql("SELECT id, updated_at FROM household h WHERE id BETWEEN :first AND :last AND " + UNSCORED)
                .param("first", first.toString()).param("last", last.toString()).param("version", modelVersion)
                .query((rs, row) -> Map.entry(HouseholdId.of(rs.getString(1)), rs.getTimestamp(2).toInstant())).list()
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** A query's results for every value, asked in groups of 500 (Oracle takes at most 1,000 in an {@code IN} list). */
    private static <T, R> List<R> inGroups(List<T> values, Function<List<T>, List<R>> query) {
        List<R> results = new ArrayList<>();
        for (int from = 0; from < values.size(); from += 500) {
            results.addAll(query.apply(values.subList(from, Math.min(values.size(), from + 500))));
        }
        return results;
    }

    Optional<HouseholdRow> find(HouseholdId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM household WHERE id = :id").param("id", id.toString())
                .query((rs, row) -> row(rs)).optional();
    }

    /** The newest household whose owner token this is. */
    Optional<HouseholdId> newestOwnedBy(byte[] ownerToken) {
        return jdbc.sql("SELECT id FROM household WHERE owner_token = :token ORDER BY created_at DESC FETCH FIRST 1 ROWS ONLY")
                .param("token", ownerToken).query(String.class).optional().map(HouseholdId::of);
    }

    /** The newest household whose owner token this is and which is still in the registry. */
    Optional<HouseholdId> newestActiveOwnedBy(byte[] ownerToken) {
        return jdbc.sql("""
                SELECT id FROM household WHERE owner_token = :token AND status = 'SUBMITTED'
                ORDER BY created_at DESC FETCH FIRST 1 ROWS ONLY""")
                .param("token", ownerToken).query(String.class).optional().map(HouseholdId::of);
    }

    /** The household that holds the CNIC token, if any. */
    Optional<HouseholdId> holderOf(byte[] cnicToken) {
        return jdbc.sql("SELECT household_id FROM household_cnic WHERE cnic_token = :token").param("token", cnicToken)
                .query(String.class).optional().map(HouseholdId::of);
    }

    /** The same facts as {@link #factsByCnic}, for a household known by its id. */
    Optional<HouseholdFacts> factsById(HouseholdId household, String modelVersion) {
        return jdbc.sql("""
                SELECT h.id, h.district, h.member_count, s.score
                FROM household h
                LEFT JOIN household_score s ON s.household_id = h.id AND s.model_version = :version
                WHERE h.id = :id""")
                .param("id", household.toString()).param("version", modelVersion)
                .query((rs, row) -> new HouseholdFacts(HouseholdId.of(rs.getString(1)), rs.getString(2), rs.getInt(3),
                        rs.getBigDecimal(4)))
                .optional();
    }

    /** Households scored under a version, of all households. */
    RescoringProgress scoredUnder(String modelVersion) {
        long scored = jdbc.sql("SELECT COUNT(*) FROM household_score WHERE model_version = :version")
                .param("version", modelVersion).query(Long.class).single();
        long all = jdbc.sql("SELECT COUNT(*) FROM household").query(Long.class).single();
        return new RescoringProgress(modelVersion, scored, all);
    }

    /** The household's most recent score, under whichever version that was. */
    Optional<ScoreRow> latestScore(HouseholdId household) {
        return jdbc.sql("""
                SELECT model_version, score, explanation_ct, scored_at FROM household_score WHERE household_id = :household
                ORDER BY scored_at DESC, model_version DESC FETCH FIRST 1 ROWS ONLY""")
                .param("household", household.toString())
                .query((rs, row) -> new ScoreRow(household, rs.getString(1), rs.getBigDecimal(2), rs.getBytes(3),
                        rs.getTimestamp(4).toInstant()))
                .optional();
    }

    /**
     * Locks the household's row until the caller's transaction ends, so that changes to it made
     * from what it was read as happen one after another.
     * @return false if there is no such household (an erasure that held it first has deleted it)
     */
    boolean lock(HouseholdId household) {
        return jdbc.sql("SELECT id FROM household WHERE id = :id FOR UPDATE").param("id", household.toString())
                .query(String.class).optional().isPresent();
    }

    /** Replaces a household's sealed parts, clear columns and owner after a correction. */
    void update(HouseholdRow row) {
        jdbc.sql("""
                UPDATE household SET district = :district, member_count = :members, mobile_token = :mobile,
                       contact_ct = :contact, circumstances_ct = :circumstances, members_ct = :sealedMembers,
                       owner_token = :owner, active_owner = :activeOwner, updated_at = :at
                WHERE id = :id""")
                .param("owner", row.ownerToken(), Types.VARBINARY)
                .param("activeOwner", row.status() == HouseholdStatus.SUBMITTED ? row.ownerToken() : null, Types.VARBINARY)
                .param("district", row.district()).param("members", row.memberCount()).param("mobile", row.mobileToken())
                .param("contact", row.contact()).param("circumstances", row.circumstances())
                .param("sealedMembers", row.members()).param("at", Timestamp.from(row.updatedAt())).param("id", row.id().toString())
                .update();
    }

    /** The model versions the household has a score under. */
    List<String> scoredVersions(HouseholdId household) {
        return jdbc.sql("SELECT model_version FROM household_score WHERE household_id = :id").param("id", household.toString())
                .query(String.class).list();
    }

    /** Replaces all of the household's scores with these. */
    void replaceScores(HouseholdId household, List<ScoreRow> scores) {
        jdbc.sql("DELETE FROM household_score WHERE household_id = :id").param("id", household.toString()).update();
        insertScores(scores);
    }

    /** A household about to be erased, and who submitted it (null: collected in person). */
    record Erasable(HouseholdId id, byte @Nullable [] ownerToken) {
    }

    /**
     * Locks the rows of those of the households that exist, in the caller's transaction, so that
     * two erasures of one household cannot both erase it.
     */
    List<Erasable> lockForErasure(Collection<HouseholdId> households) {
        List<Erasable> found = new ArrayList<>();
        for (List<String> ids : HouseholdRowsDeletion.idLists(households)) {
            found.addAll(jdbc.sql("SELECT id, owner_token FROM household WHERE id IN (:ids) FOR UPDATE").param("ids", ids)
                    .query((rs, row) -> new Erasable(HouseholdId.of(rs.getString(1)), rs.getBytes(2))).list());
        }
        return found;
    }

    /** By kind, how many CNIC claims, scores and idempotency keys each of the households has. */
    Map<String, Map<HouseholdId, Integer>> countFor(Collection<HouseholdId> households) {
        Map<String, Map<HouseholdId, Integer>> counts = new LinkedHashMap<>();
        counts.put("cnicClaims", HouseholdRowsDeletion.count(jdbc, "household_cnic", "household_id", households));
        counts.put("scores", HouseholdRowsDeletion.count(jdbc, "household_score", "household_id", households));
        counts.put("idempotencyKeys", HouseholdRowsDeletion.count(jdbc, "idempotency_key", "household_id", households));
        return counts;
    }

    /**
     * Deletes the households' rows (their wrapped data keys with them), their CNIC claims, scores
     * and idempotency keys, in the caller's transaction, a few set-based statements for them all.
     */
    void erase(Collection<HouseholdId> households) {
        HouseholdRowsDeletion.delete(jdbc, "household_cnic", "household_id", households);
        HouseholdRowsDeletion.delete(jdbc, "household_score", "household_id", households);
        HouseholdRowsDeletion.delete(jdbc, "idempotency_key", "household_id", households);
        HouseholdRowsDeletion.delete(jdbc, "household", "id", households);
    }

    /**
     * Up to {@code limit} households of the statuses whose record last changed before the cut-off,
     * in no set order: as the (status, updated_at) index yields them, so that each batch of a sweep
     * reads only its own rows instead of sorting every candidate left.
     */
    List<HouseholdId> changedBefore(Collection<HouseholdStatus> statuses, Instant cutoff, int limit) {
        return jdbc.sql("""
                SELECT id FROM household WHERE status IN (:statuses) AND updated_at < :cutoff
                FETCH FIRST :limit ROWS ONLY""")
                .param("statuses", statuses.stream().map(Enum::name).toList()).param("cutoff", Timestamp.from(cutoff))
                .param("limit", limit).query((rs, row) -> HouseholdId.of(rs.getString(1))).list();
    }

    /** How many households of the statuses last changed before the cut-off; only among these ids, if any are given. */
    long countChangedBefore(Collection<HouseholdStatus> statuses, Instant cutoff, Collection<HouseholdId> among) {
        var query = jdbc.sql("SELECT COUNT(*) FROM household WHERE status IN (:statuses) AND updated_at < :cutoff"
                + (among.isEmpty() ? "" : " AND id IN (:among)"))
                .param("statuses", statuses.stream().map(Enum::name).toList()).param("cutoff", Timestamp.from(cutoff));
        return (among.isEmpty() ? query : query.param("among", among.stream().map(HouseholdId::toString).toList()))
                .query(Long.class).single();
    }

    /** Households and persons per district. */
    List<DistrictCount> countByDistrict() {
        return jdbc.sql("SELECT district, COUNT(*), SUM(member_count) FROM household GROUP BY district ORDER BY district")
                .query((rs, row) -> new DistrictCount(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
    }

    /** One district's households and persons. */
    record DistrictCount(String district, long households, long persons) {
    }

    /** A savepoint in the current transaction, on its JDBC connection. */
    Savepoint savepoint() {
        return Objects.requireNonNull(batch.execute((ConnectionCallback<Savepoint>) Connection::setSavepoint));
    }

    /** Undoes what the current transaction did since the savepoint. */
    void rollbackTo(Savepoint savepoint) {
        batch.execute((ConnectionCallback<@Nullable Void>) connection -> {
            connection.rollback(savepoint);
            return null;
        });
    }

    private static HouseholdRow row(ResultSet rs) throws SQLException {
        return new HouseholdRow(HouseholdId.of(rs.getString(1)), HouseholdStatus.valueOf(rs.getString(2)),
                rs.getString(3), rs.getInt(4), rs.getTimestamp(5).toInstant(), rs.getBytes(6), rs.getBytes(7),
                rs.getBytes(8), rs.getInt(9), rs.getBytes(10), rs.getBytes(11), rs.getBytes(12), rs.getTimestamp(13).toInstant());
    }
}
