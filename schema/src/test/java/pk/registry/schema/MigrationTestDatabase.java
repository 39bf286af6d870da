package pk.registry.schema;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;

/**
 * An in-memory H2 database in Oracle mode, named for one migration test, migrated step by step:
 * to a version holding rows as an older release stored them (test data in {@code extraLocations}),
 * then to the latest.
 */
record MigrationTestDatabase(String name, String... extraLocations) {

    String url() {
        return "jdbc:h2:mem:" + name + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    /** Migrates to {@code target}: a version, or {@code latest}. */
    void migrateTo(String target) {
        Flyway.configure().dataSource(url(), "sa", "").target(target)
                .locations(Stream.concat(Stream.of("classpath:db/migration/common", "classpath:db/migration/h2"),
                        Stream.of(extraLocations)).toArray(String[]::new))
                .load().migrate();
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), "sa", "");
    }

    /** Every value of every row the query returns, as text. */
    static List<String> values(Statement statement, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                    values.add(String.valueOf(rows.getString(column)));
                }
            }
        }
        return values;
    }
}
