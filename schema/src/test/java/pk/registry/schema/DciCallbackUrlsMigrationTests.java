package pk.registry.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static pk.registry.schema.MigrationTestDatabase.values;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

/**
 * V25 on a registry holding DCI callbacks whose URLs were stored in clear (inserted by a test
 * migration just before it, {@code db/dci-callbacks-before-v25}): the URL of a callback that has
 * ended is dropped; one still pending keeps it, since it cannot be sealed in SQL and is still to
 * be sent; and a callback can now be stored without a URL in clear.
 */
class DciCallbackUrlsMigrationTests {

    private static final MigrationTestDatabase DATABASE = new MigrationTestDatabase("dcicallbackurls",
            "classpath:db/dci-callbacks-before-v25");

    @Test
    void theUrlsOfEndedCallbacksAreDroppedAndAPendingOneKeepsItsOwn() throws SQLException {
        DATABASE.migrateTo("24.1");
        try (Connection connection = DATABASE.connect();
                Statement statement = connection.createStatement()) {
            assertThat(values(statement, "SELECT COUNT(*) FROM dci_delivery WHERE target_url LIKE '%/cases/35202-%'"))
                    .as("control: stored in clear").containsExactly("2");
        }

        DATABASE.migrateTo("latest");

        try (Connection connection = DATABASE.connect();
                Statement statement = connection.createStatement()) {
            assertThat(values(statement, "SELECT id, target_url, target_sealed FROM dci_delivery ORDER BY id")).containsExactly(
                    "delivered", "null", "null",
                    "pending", "https://partner.example.org/dci/cases/35202-1234567-1", "null");
            statement.executeUpdate("""
                    INSERT INTO dci_delivery (id, correlation_id, agreement_id, action, target_sealed, sealed_envelope, status,
                                              attempts, next_attempt_at, created_at, updated_at)
                    VALUES ('sealed', 'c-1', 'migrated', 'on-search', X'0102', X'00', 'PENDING', 0, CURRENT_TIMESTAMP,
                            CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""");
            assertThat(values(statement, "SELECT target_url FROM dci_delivery WHERE id = 'sealed'")).containsExactly("null");
        }
    }
}
