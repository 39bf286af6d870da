package pk.registry.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static pk.registry.schema.MigrationTestDatabase.values;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * V24 on a registry holding DCI transactions with the ids partners sent in clear (inserted by a
 * test migration just before it, {@code db/dci-rows-before-v24}): the rows stay
 * (their callbacks, held answers and retention do not depend on the ids), the ids are gone from
 * every column of the DCI tables, and the rows have neither a token nor a sealed id, so that a
 * status request does not find them.
 */
class DciPartnerIdsMigrationTests {

    private static final MigrationTestDatabase DATABASE = new MigrationTestDatabase("dciids",
            "classpath:db/dci-rows-before-v24");
    private static final String TRANSACTION_ID = "case of 35202-1234567-1";
    private static final String REFERENCE_ID = "ref 3520276543212";

    @Test
    void theIdsSentBeforeAreDroppedAndTheRowsKept() throws SQLException {
        DATABASE.migrateTo("23.1");
        try (Connection connection = DATABASE.connect();
                Statement statement = connection.createStatement()) {
            assertThat(values(statement, "SELECT transaction_id FROM dci_transaction")).as("control: stored as sent")
                    .containsExactly(TRANSACTION_ID);
        }

        DATABASE.migrateTo("latest");

        try (Connection connection = DATABASE.connect();
                Statement statement = connection.createStatement()) {
            List<String> stored = new ArrayList<>();
            for (String table : List.of("dci_transaction", "dci_reference", "dci_delivery")) {
                stored.addAll(values(statement, "SELECT * FROM " + table));
            }
            assertThat(stored).as("the transaction, its entry and its callback are kept").contains("c-1", "pdng", "succ", "d-1",
                    "PENDING");
            assertThat(String.join("|", stored)).doesNotContain(TRANSACTION_ID, REFERENCE_ID, "35202", "3520276543212");
            assertThat(values(statement, """
                    SELECT COUNT(*) FROM dci_transaction t JOIN dci_reference r ON r.correlation_id = t.correlation_id
                    WHERE t.transaction_token IS NULL AND t.transaction_sealed IS NULL
                      AND r.reference_token IS NULL AND r.reference_sealed IS NULL""")).containsExactly("1");
            assertThat(values(statement, """
                    SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS
                    WHERE TABLE_NAME IN ('DCI_TRANSACTION', 'DCI_REFERENCE')"""))
                    .doesNotContain("TRANSACTION_ID", "REFERENCE_ID");
        }
    }
}
