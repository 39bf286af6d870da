package pk.registry.kernel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Erasing a chunk of households' rows from one table with set-based statements, in the caller's
 * transaction: a grouped count first (what each household's deletion certificate states), then
 * one {@code DELETE} for the whole chunk. Counting comes apart from deleting so that the
 * certificates can be signed on another core while the rows are deleted. Ids go in lists of at
 * most {@value #MAX_IDS}, the most Oracle allows in one {@code IN} list.
 */
public final class HouseholdRowsDeletion {

    /** The most ids in one statement. */
    public static final int MAX_IDS = 1000;

    private static final Pattern NAME = Pattern.compile("[a-z_]{1,30}");

    private HouseholdRowsDeletion() {
    }

    /**
     * How many rows of {@code table} each of the households has.
     *
     * @param table a table name of the caller's own (never input)
     * @param column its column holding the household id
     * @return rows per household; households without any are left out
     */
    public static Map<HouseholdId, Integer> count(JdbcClient jdbc, String table, String column,
            Collection<HouseholdId> households) {
        check(table, column);
        Map<HouseholdId, Integer> counts = new HashMap<>();
        for (List<String> ids : idLists(households)) {
            jdbc.sql("SELECT " + column + ", COUNT(*) FROM " + table + " WHERE " + column + " IN (:ids) GROUP BY " + column)
                    .param("ids", ids)
                    .query(rs -> {
                        counts.put(HouseholdId.of(rs.getString(1)), rs.getInt(2));
                    });
        }
        return counts;
    }

    /**
     * Deletes the rows of {@code table} whose {@code column} holds one of the households' ids.
     *
     * @return how many rows were deleted
     */
    public static int delete(JdbcClient jdbc, String table, String column, Collection<HouseholdId> households) {
        check(table, column);
        int deleted = 0;
        for (List<String> ids : idLists(households)) {
            deleted += jdbc.sql("DELETE FROM " + table + " WHERE " + column + " IN (:ids)").param("ids", ids).update();
        }
        return deleted;
    }

    /** The households' ids as text, in lists of at most {@value #MAX_IDS}. */
    public static List<List<String>> idLists(Collection<HouseholdId> households) {
        return inLists(households.stream().map(HouseholdId::toString).toList());
    }

    /** The values in lists of at most {@value #MAX_IDS}, in order: the parameters of successive {@code IN} lists. */
    public static <T> List<List<T>> inLists(Collection<T> values) {
        List<T> all = List.copyOf(values);
        List<List<T>> lists = new ArrayList<>();
        for (int from = 0; from < all.size(); from += MAX_IDS) {
            lists.add(all.subList(from, Math.min(all.size(), from + MAX_IDS)));
        }
        return lists;
    }

    private static void check(String table, String column) {
        if (!NAME.matcher(table).matches() || !NAME.matcher(column).matches()) {
            throw new IllegalArgumentException("not a table or column name");
        }
    }
}
