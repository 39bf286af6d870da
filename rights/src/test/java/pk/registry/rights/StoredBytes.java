package pk.registry.rights;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every column of a table's rows as stored, for tests that look for clear text: text columns as
 * they are, binary ones decoded as UTF-8 and UTF-16 and as hex.
 */
final class StoredBytes {

    private StoredBytes() {
    }

    /** The table's rows of one household, every column as text a search can look through. */
    static String of(JdbcClient jdbc, String table, Object household) {
        List<String> texts = new ArrayList<>();
        for (Map<String, Object> row : jdbc.sql("SELECT * FROM " + table + " WHERE household_id = :household")
                .param("household", household.toString()).query().listOfRows()) {
            row.values().forEach(value -> texts.addAll(texts(value)));
        }
        return String.join("\n", texts);
    }

    private static List<String> texts(Object value) {
        if (value instanceof byte[] bytes) {
            return List.of(new String(bytes, StandardCharsets.UTF_8), new String(bytes, StandardCharsets.UTF_16LE),
                    new String(bytes, StandardCharsets.UTF_16BE), HexFormat.of().formatHex(bytes));
        }
        if (value instanceof java.sql.Blob blob) {
            try {
                return texts(blob.getBytes(1, (int) blob.length()));
            }
            catch (java.sql.SQLException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return List.of(String.valueOf(value));
    }

    /** The text's UTF-8 bytes in hex, as a hex dump of a column would show them. */
    static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }
}
