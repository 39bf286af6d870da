package pk.registry.sharing.dci;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.RetentionCategory;

/**
 * The DCI records' retention ({@code dciRecords}): a transaction received before the cut-off goes
 * with its entries' outcomes and its callbacks, once none of them is pending or still holds its
 * sealed answer; a subscription that ended before the cut-off goes too, unless its household is
 * held. What is kept of the ids partners sent ({@code transaction_id}, {@code reference_id} of a
 * search: a keyed token and a sealed copy, never the text) goes with them; so do the keyed
 * tokens of the message ids received before the cut-off ({@link MessageIds}).
 */
@Component
class DciRecordRetention implements RetentionCategory {

    private static final String ENDED_TRANSACTIONS = """
            FROM dci_transaction t WHERE t.created_at < :cutoff AND NOT EXISTS (
                SELECT 1 FROM dci_delivery d
                WHERE d.correlation_id = t.correlation_id AND (d.status = 'PENDING' OR d.sealed_envelope IS NOT NULL))""";

    private final JdbcClient jdbc;

    DciRecordRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "dciRecords";
    }

    @Override
    public Count count(Instant cutoff, Set<HouseholdId> held) {
        long transactions = jdbc.sql("SELECT COUNT(*) " + ENDED_TRANSACTIONS).param("cutoff", Timestamp.from(cutoff))
                .query(Long.class).single();
        long ended = jdbc.sql("SELECT COUNT(*) FROM dci_subscription WHERE ended_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff)).query(Long.class).single();
        long kept = held.isEmpty() ? 0 : jdbc.sql("""
                SELECT COUNT(*) FROM dci_subscription WHERE ended_at < :cutoff AND household_id IN (:held)""")
                .param("cutoff", Timestamp.from(cutoff)).param("held", ids(held)).query(Long.class).single();
        long messages = jdbc.sql("SELECT COUNT(*) FROM dci_message WHERE received_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff)).query(Long.class).single();
        return new Count(transactions + ended - kept + messages, kept);
    }

    @Override
    public int deleteBatch(Instant cutoff, Set<HouseholdId> held, int limit) {
        List<String> transactions = jdbc.sql("SELECT t.correlation_id " + ENDED_TRANSACTIONS + " FETCH FIRST :limit ROWS ONLY")
                .param("cutoff", Timestamp.from(cutoff)).param("limit", limit).query(String.class).list();
        if (!transactions.isEmpty()) {
            // Their callbacks hold no answers (dci_held_answer lives only as long as a sealed envelope).
            for (String table : List.of("dci_delivery", "dci_reference", "dci_transaction")) {
                jdbc.sql("DELETE FROM " + table + " WHERE correlation_id IN (:transactions)")
                        .param("transactions", transactions).update();
            }
        }
        if (transactions.size() == limit) {
            return limit;
        }
        var subscriptions = jdbc.sql("""
                DELETE FROM dci_subscription WHERE code IN (
                    SELECT code FROM dci_subscription WHERE ended_at < :cutoff %s FETCH FIRST :limit ROWS ONLY)"""
                .formatted(held.isEmpty() ? "" : "AND household_id NOT IN (:held)"))
                .param("cutoff", Timestamp.from(cutoff)).param("limit", limit - transactions.size());
        int deleted = transactions.size() + (held.isEmpty() ? subscriptions : subscriptions.param("held", ids(held))).update();
        if (deleted == limit) {
            return limit;
        }
        return deleted + jdbc.sql("""
                DELETE FROM dci_message WHERE (agreement_id, message_token) IN (
                    SELECT agreement_id, message_token FROM dci_message WHERE received_at < :cutoff FETCH FIRST :limit ROWS ONLY)""")
                .param("cutoff", Timestamp.from(cutoff)).param("limit", limit - deleted).update();
    }

    private static List<String> ids(Set<HouseholdId> households) {
        return households.stream().map(HouseholdId::toString).toList();
    }
}
