package pk.registry.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The H2 schema as the service builds it: every index is paid for by every row written, so no
 * table may keep two indexes over the same columns (H2 adds one of its own for a foreign key
 * declared before ours).
 */
class IndexesTests {

    private static final String URL = "jdbc:h2:mem:indexes;MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    @Test
    void noTableIndexesTheSameColumnsTwice() throws SQLException {
        Flyway.configure().dataSource(URL, "sa", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load().migrate();

        Map<String, List<String>> indexesByColumns = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(URL, "sa", "");
                ResultSet rows = connection.createStatement().executeQuery("""
                        SELECT c.TABLE_NAME, c.INDEX_NAME,
                               LISTAGG(c.COLUMN_NAME, ',') WITHIN GROUP (ORDER BY c.ORDINAL_POSITION)
                        FROM INFORMATION_SCHEMA.INDEX_COLUMNS c
                        WHERE c.TABLE_SCHEMA = 'PUBLIC'
                        GROUP BY c.TABLE_NAME, c.INDEX_NAME""")) {
            while (rows.next()) {
                indexesByColumns.computeIfAbsent(rows.getString(1) + " (" + rows.getString(3) + ")", columns -> new ArrayList<>())
                        .add(rows.getString(2));
            }
        }

        assertThat(indexesByColumns).isNotEmpty().allSatisfy((columns, indexes) -> assertThat(indexes).as(columns).hasSize(1));
    }
}
