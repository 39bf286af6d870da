package pk.registry.household;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import pk.registry.kernel.HouseholdId;

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
            contact_ct, circumstances_ct, members_ct""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    Households(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Inserts sealed households and their CNIC claims, two batches whatever their number. A
     * CNIC held by another household violates the claims' primary key: the database, not a
     * prior look-up, has the last word.
     */
    void insertAll(List<SealedHousehold> households) {
        batch.batchUpdate("INSERT INTO household (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                });
        List<Map.Entry<String, HouseholdId>> claims = new ArrayList<>();
        households.forEach(household -> household.cnicTokens().keySet()
                .forEach(token -> claims.add(Map.entry(token, household.id()))));
        batch.batchUpdate("INSERT INTO household_cnic (cnic_token, household_id) VALUES (?, ?)", claims, claims.size(),
                (statement, claim) -> {
                    statement.setBytes(1, HEX.parseHex(claim.getKey()));
                    statement.setString(2, claim.getValue().toString());
                });
    }

    /** Of these CNIC tokens (hex), the ones some household already holds (queried in groups of 500). */
    Set<String> claimed(Collection<String> tokens) {
        Set<String> claimed = new HashSet<>();
        List<String> all = List.copyOf(tokens);
        for (int from = 0; from < all.size(); from += 500) {
            claimed.addAll(jdbc.sql("SELECT cnic_token FROM household_cnic WHERE cnic_token IN (:tokens)")
                    .param("tokens", all.subList(from, Math.min(all.size(), from + 500)).stream().map(HEX::parseHex).toList())
                    .query((rs, row) -> HEX.formatHex(rs.getBytes(1))).list());
        }
        return claimed;
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
                rs.getBytes(8), rs.getInt(9), rs.getBytes(10), rs.getBytes(11), rs.getBytes(12));
    }
}
