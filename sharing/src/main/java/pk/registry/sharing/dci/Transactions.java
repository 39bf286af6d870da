package pk.registry.sharing.dci;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import pk.registry.sharing.AgreementId;

/**
 * DCI transactions ({@code dci_transaction}) and their entries' outcomes ({@code dci_reference}).
 * Every read is within one agreement: a partner never learns of another's transactions.
 */
@Repository
class Transactions {

    private static final String SELECT = """
            SELECT t.correlation_id, t.agreement_id, t.transaction_id, t.txn_type, t.status, t.status_reason, t.created_at
            FROM dci_transaction t
            """;

    private final JdbcClient jdbc;

    Transactions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A transaction: the partner's {@code transaction_id} under the registry's correlation id.
     *
     * @param type {@code search}, {@code txn-status}, {@code subscribe}, {@code unsubscribe} or {@code notify}
     * @param status {@code pdng}, {@code succ} or {@code rjct}
     * @param reason why it ended rjct, in words without personal data
     * @param at when it was received
     */
    record Txn(String correlationId, AgreementId agreement, String transactionId, String type, String status,
            @Nullable String reason, Instant at) {
    }

    /** One entry's outcome: its place, the partner's reference id, succ or rjct, the reason code. */
    record Entry(int position, String referenceId, String status, @Nullable String reasonCode) {
    }

    void record(Txn txn, List<Entry> entries) {
        jdbc.sql("""
                INSERT INTO dci_transaction (correlation_id, agreement_id, transaction_id, txn_type, status, status_reason,
                                             created_at, updated_at)
                VALUES (:correlation, :agreement, :transaction, :type, :status, :reason, :at, :at)""")
                .param("correlation", txn.correlationId()).param("agreement", txn.agreement().value())
                .param("transaction", txn.transactionId()).param("type", txn.type()).param("status", txn.status())
                .param("reason", txn.reason()).param("at", Timestamp.from(txn.at())).update();
        for (Entry entry : entries) {
            jdbc.sql("""
                    INSERT INTO dci_reference (correlation_id, item_no, reference_id, status, reason_code)
                    VALUES (:correlation, :position, :reference, :status, :reason)""")
                    .param("correlation", txn.correlationId()).param("position", entry.position())
                    .param("reference", entry.referenceId()).param("status", entry.status())
                    .param("reason", entry.reasonCode()).update();
        }
    }

    /** Ends a transaction: succ, or rjct with why. */
    void conclude(String correlationId, String status, @Nullable String reason, Instant at) {
        jdbc.sql("UPDATE dci_transaction SET status = :status, status_reason = :reason, updated_at = :at WHERE correlation_id = :id")
                .param("status", status).param("reason", reason).param("at", Timestamp.from(at)).param("id", correlationId)
                .update();
    }

    /** These entries' answers were withdrawn before they were delivered: they end rjct, with no reason code. */
    void withdrawEntries(String correlationId, List<Integer> items) {
        jdbc.sql("UPDATE dci_reference SET status = 'rjct', reason_code = NULL WHERE correlation_id = :id AND item_no IN (:items)")
                .param("id", correlationId).param("items", items).update();
    }

    Optional<Txn> byCorrelationId(AgreementId agreement, String correlationId, String type) {
        return jdbc.sql(SELECT + "WHERE t.correlation_id = :id AND t.agreement_id = :agreement AND t.txn_type = :type")
                .param("id", correlationId).param("agreement", agreement.value()).param("type", type)
                .query(Transactions::txn).optional();
    }

    /** The newest of the agreement's transactions with this {@code transaction_id}. */
    Optional<Txn> latestByTransactionId(AgreementId agreement, String transactionId, String type) {
        return jdbc.sql(SELECT + """
                WHERE t.agreement_id = :agreement AND t.transaction_id = :transaction AND t.txn_type = :type
                ORDER BY t.created_at DESC, t.correlation_id DESC FETCH FIRST 1 ROWS ONLY""")
                .param("agreement", agreement.value()).param("transaction", transactionId).param("type", type)
                .query(Transactions::txn).optional();
    }

    /** The newest of the agreement's transactions with an entry of one of these reference ids. */
    Optional<Txn> latestWithReference(AgreementId agreement, List<String> referenceIds, String type) {
        return jdbc.sql(SELECT + """
                WHERE t.agreement_id = :agreement AND t.txn_type = :type AND EXISTS (
                    SELECT 1 FROM dci_reference r WHERE r.correlation_id = t.correlation_id AND r.reference_id IN (:references))
                ORDER BY t.created_at DESC, t.correlation_id DESC FETCH FIRST 1 ROWS ONLY""")
                .param("agreement", agreement.value()).param("type", type).param("references", referenceIds)
                .query(Transactions::txn).optional();
    }

    List<Entry> entries(String correlationId) {
        return jdbc.sql("""
                SELECT item_no, reference_id, status, reason_code FROM dci_reference
                WHERE correlation_id = :id ORDER BY item_no""")
                .param("id", correlationId)
                .query((rs, row) -> new Entry(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    private static Txn txn(ResultSet rs, int row) throws SQLException {
        return new Txn(rs.getString(1), AgreementId.of(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getTimestamp(7).toInstant());
    }
}
