package pk.registry.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V19 on a registry where uploads had recorded mobiles that already owned a household: of the
 * households sharing an owner, the applicant's own keeps it, else the oldest; the others lose
 * it, and every owned household claims its owner in {@code active_owner}.
 */
class OneHouseholdPerOwnerMigrationTests {

    private static final String URL = "jdbc:h2:mem:owners;MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    private static final Instant DAY = Instant.parse("2026-01-10T08:00:00Z");

    @Test
    void ofTheHouseholdsSharingAnOwnerTheApplicantsOwnElseTheOldestKeepsIt() throws SQLException {
        Flyway before = flyway("18");
        before.migrate();
        try (Connection connection = DriverManager.getConnection(URL, "sa", "")) {
            // A: self-registered (active), then an upload recorded A's mobile on two more forms, one of them older.
            insert(connection, "a-applicants-own", "A", true, DAY);
            insert(connection, "a-uploaded-older", "A", false, DAY.minusSeconds(60));
            insert(connection, "a-uploaded-newer", "A", false, DAY.plusSeconds(60));
            // B: one village phone on three uploaded forms, two stored in the same instant.
            insert(connection, "b-2", "B", false, DAY);
            insert(connection, "b-1", "B", false, DAY);
            insert(connection, "b-later", "B", false, DAY.plusSeconds(1));
            // C: one uploaded form, D: none owned (its applicant typed another's mobile long ago, say).
            insert(connection, "c-only", "C", false, DAY);
            insert(connection, "d-nobodys", null, false, DAY);
        }

        flyway("latest").migrate();

        try (Connection connection = DriverManager.getConnection(URL, "sa", "");
                ResultSet rows = connection.createStatement()
                        .executeQuery("SELECT id, owner_token, active_owner FROM household")) {
            Map<String, String> owners = new TreeMap<>();
            while (rows.next()) {
                owners.put(rows.getString(1), name(rows.getBytes(2)) + "/" + name(rows.getBytes(3)));
            }
            assertThat(owners).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "a-applicants-own", "A/A", "a-uploaded-older", "-/-", "a-uploaded-newer", "-/-",
                    "b-1", "B/B", "b-2", "-/-", "b-later", "-/-",
                    "c-only", "C/C", "d-nobodys", "-/-"));
        }
    }

    private static Flyway flyway(String target) {
        return Flyway.configure().dataSource(URL, "sa", "").target(target)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load();
    }

    /** An owner of null: nobody owns it. */
    private static void insert(Connection connection, String id, String owner, boolean active, Instant createdAt)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO household (id, status, district, member_count, created_at, owner_token, mobile_token,
                    master_key_id, data_key, contact_ct, circumstances_ct, members_ct, updated_at, active_owner)
                VALUES (?, 'SUBMITTED', 'Lahore', 4, ?, ?, ?, 1, X'00', X'00', X'00', X'00', ?, ?)""")) {
            byte[] token = owner == null ? null : token(owner);
            insert.setString(1, id);
            insert.setTimestamp(2, Timestamp.from(createdAt));
            insert.setBytes(3, token);
            insert.setBytes(4, token == null ? token("contact of " + id) : token);
            insert.setTimestamp(5, Timestamp.from(createdAt));
            insert.setBytes(6, active ? token : null);
            insert.executeUpdate();
        }
    }

    /** A 32-byte stand-in for a blind index, its name readable back. */
    private static byte[] token(String name) {
        byte[] token = new byte[32];
        byte[] text = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        System.arraycopy(text, 0, token, 0, Math.min(text.length, 32));
        return token;
    }

    private static String name(byte[] token) {
        return token == null ? "-" : new String(token, java.nio.charset.StandardCharsets.UTF_8).replace("\0", "");
    }
}
