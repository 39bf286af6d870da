package pk.registry.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A check constraint holds for every connection, not only the one that created it. H2 2.4.240
 * evaluates {@code CHECK (x IN ('a', 'b'))} (and {@code x = 'a' OR x = 'b'}, which it turns into
 * one) with the session that ran its {@code CREATE}; once that connection closes, every insert
 * into the table fails as "Check constraint invalid ... The database has been closed"
 * (h2database issues 4291, 4302, 4342). On a new H2 database the migrations' connection is one of
 * the pool's, retired after 30 minutes: the demo then answered 503 to every DCI search. H2 is
 * pinned to 2.3.232 until a release carries the fix; this fails on a version with the regression.
 */
class ChecksAcrossSessionsTests {

    private static final String URL = "jdbc:h2:mem:checks;MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    @Test
    void aCheckCreatedByTheMigrationsHoldsForAConnectionOpenedAfterTheirsClosed() throws SQLException {
        Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load().migrate();

        try (Connection later = DriverManager.getConnection(URL, "sa", "");
                PreparedStatement insert = later.prepareStatement("""
                        INSERT INTO registration_conflict (id, occurred_at, kind, applicant_token)
                        VALUES (?, ?, ?, ?)""")) {
            insert.setString(1, "conflict-1");
            insert.setTimestamp(2, Timestamp.from(Instant.parse("2026-11-24T08:00:00Z")));
            insert.setString(3, "SECOND_HOUSEHOLD");
            insert.setBytes(4, new byte[32]);
            insert.executeUpdate();

            insert.setString(1, "conflict-2");
            insert.setString(3, "NOT_A_KIND");
            try {
                insert.executeUpdate();
                throw new AssertionError("a kind outside the check was stored");
            }
            catch (SQLException refused) {
                assertThat(refused.getSQLState()).as("refused by the check itself").isEqualTo("23513");
            }
            try (ResultSet count = later.createStatement().executeQuery("SELECT COUNT(*) FROM registration_conflict")) {
                count.next();
                assertThat(count.getInt(1)).isEqualTo(1);
            }
        }
    }
}
