package pk.registry.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * V20 on a registry where one household had several open erasure requests (asked for at once):
 * the oldest open one holds the household's place, the others stay for the DPO to decide, and
 * from then on a second open request of a household is refused by the key.
 */
class OneOpenErasureRequestMigrationTests {

    private static final String URL = "jdbc:h2:mem:erasures;MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    private static final Instant DAY = Instant.parse("2026-01-10T08:00:00Z");

    @Test
    void theOldestOpenRequestOfAHouseholdHoldsItsPlace() throws SQLException {
        flyway("19").migrate();
        try (Connection connection = DriverManager.getConnection(URL, "sa", "")) {
            insert(connection, "a-later", "A", "REQUESTED", DAY.plusSeconds(1));
            insert(connection, "a-first", "A", "APPROVED", DAY);
            insert(connection, "a-refused", "A", "REFUSED", DAY.minusSeconds(60));
            insert(connection, "b-done", "B", "COMPLETED", DAY);
            insert(connection, "b-open", "B", "REQUESTED", DAY.plusSeconds(5));
        }

        flyway("latest").migrate();

        try (Connection connection = DriverManager.getConnection(URL, "sa", "")) {
            Map<String, String> open = new TreeMap<>();
            try (ResultSet rows = connection.createStatement().executeQuery("SELECT id, open_household FROM erasure_request")) {
                while (rows.next()) {
                    open.put(rows.getString(1), String.valueOf(rows.getString(2)));
                }
            }
            assertThat(open).containsExactlyInAnyOrderEntriesOf(Map.of("a-later", "null", "a-first", "A",
                    "a-refused", "null", "b-done", "null", "b-open", "B"));
            assertThatThrownBy(() -> insert(connection, "b-again", "B", "REQUESTED", DAY.plusSeconds(9), "B"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> insert(connection, "c-closed", "C", "REFUSED", DAY, "C"))
                    .as("only an open request holds the key").isInstanceOf(SQLException.class);
        }
    }

    private static Flyway flyway(String target) {
        return Flyway.configure().dataSource(URL, "sa", "").target(target)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load();
    }

    /** A request as stored before V20 (no open_household column yet). */
    private static void insert(Connection connection, String id, String household, String status, Instant at)
            throws SQLException {
        insert(connection, id, household, status, at, null);
    }

    /** With {@code openHousehold}, as stored since V20. */
    private static void insert(Connection connection, String id, String household, String status, Instant at,
            String openHousehold) throws SQLException {
        boolean since20 = openHousehold != null;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO erasure_request (id, household_id,"
                + " requester_token, status, requested_at" + (since20 ? ", open_household" : "") + ") VALUES (?, ?, X'01', ?, ?"
                + (since20 ? ", ?" : "") + ")")) {
            insert.setString(1, id);
            insert.setString(2, household);
            insert.setString(3, status);
            insert.setTimestamp(4, Timestamp.from(at));
            if (since20) {
                insert.setString(5, openHousehold);
            }
            insert.executeUpdate();
        }
    }
}
