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

import pk.registry.keys.BlindIndex;
import pk.registry.sharing.AgreementId;

/**
 * DCI transactions ({@code dci_transaction}) and their entries' outcomes ({@code dci_reference}).
 * Every read is within one agreement: a partner never learns of another's transactions.
 * <p>
 * The ids a partner chose ({@code transaction_id}, {@code reference_id}) may hold anything, a
 * CNIC too, so none is stored as sent. They are kept only where a status request can report them,
 * for searches ({@link TxnStatuses}): as a keyed blind index of the agreement and the id, which
 * the look-ups compare (the same id under two agreements gives two tokens, so one partner's ids
 * never match another's), and sealed (AEAD, bound to their column and row) for the status answer
 * to carry back. Other transactions (subscribe, unsubscribe, txn-status, notify) keep no partner
 * id. Rows stored before V24 have neither; a status request does not find them.
 */
@Repository
class Transactions {

    private static final String SELECT = """
            SELECT t.correlation_id, t.agreement_id, t.transaction_sealed, t.txn_type, t.status, t.status_reason, t.created_at
            FROM dci_transaction t
            """;

    private final JdbcClient jdbc;
    private final BlindIndex blindIndex;
    private final Sealer sealer;

    Transactions(JdbcClient jdbc, BlindIndex blindIndex, Sealer sealer) {
        this.jdbc = jdbc;
        this.blindIndex = blindIndex;
        this.sealer = sealer;
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

        @Override
        public String toString() {
            return "Txn[" + correlationId + ", " + agreement + ", " + type + ", " + status + "]";
        }
    }

    /** One entry's outcome: its place, the partner's reference id, succ or rjct, the reason code. */
    record Entry(int position, String referenceId, String status, @Nullable String reasonCode) {

        @Override
        public String toString() {
            return "Entry[" + position + ", " + status + ", " + reasonCode + "]";
        }
    }

    void record(Txn txn, List<Entry> entries) {
        boolean reported = reported(txn.type());
        jdbc.sql("""
                INSERT INTO dci_transaction (correlation_id, agreement_id, transaction_token, transaction_sealed, txn_type,
                                             status, status_reason, created_at, updated_at)
                VALUES (:correlation, :agreement, :token, :sealed, :type, :status, :reason, :at, :at)""")
                .param("correlation", txn.correlationId()).param("agreement", txn.agreement().value())
                .param("token", reported ? transactionToken(txn.agreement(), txn.transactionId()) : null)
                .param("sealed", reported ? sealer.sealText(txn.transactionId(), transactionRow(txn.correlationId())) : null)
                .param("type", txn.type()).param("status", txn.status())
                .param("reason", txn.reason()).param("at", Timestamp.from(txn.at())).update();
        for (Entry entry : entries) {
            jdbc.sql("""
                    INSERT INTO dci_reference (correlation_id, item_no, reference_token, reference_sealed, status, reason_code)
                    VALUES (:correlation, :position, :token, :sealed, :status, :reason)""")
                    .param("correlation", txn.correlationId()).param("position", entry.position())
                    .param("token", reported ? referenceToken(txn.agreement(), entry.referenceId()) : null)
                    .param("sealed", reported ? sealer.sealText(entry.referenceId(),
                            referenceRow(txn.correlationId(), entry.position())) : null)
                    .param("status", entry.status()).param("reason", entry.reasonCode()).update();
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

    /** The agreement's transaction of this type under the correlation id, if its ids are kept. */
    Optional<Txn> byCorrelationId(AgreementId agreement, String correlationId, String type) {
        return jdbc.sql(SELECT + """
                WHERE t.correlation_id = :id AND t.agreement_id = :agreement AND t.txn_type = :type
                  AND t.transaction_sealed IS NOT NULL""")
                .param("id", correlationId).param("agreement", agreement.value()).param("type", type)
                .query(this::txn).optional();
    }

    /** The newest of the agreement's transactions with this {@code transaction_id}. */
    Optional<Txn> latestByTransactionId(AgreementId agreement, String transactionId, String type) {
        return jdbc.sql(SELECT + """
                WHERE t.agreement_id = :agreement AND t.transaction_token = :token AND t.txn_type = :type
                ORDER BY t.created_at DESC, t.correlation_id DESC FETCH FIRST 1 ROWS ONLY""")
                .param("agreement", agreement.value()).param("token", transactionToken(agreement, transactionId))
                .param("type", type).query(this::txn).optional();
    }

    /** The newest of the agreement's transactions with an entry of one of these reference ids. */
    Optional<Txn> latestWithReference(AgreementId agreement, List<String> referenceIds, String type) {
        return jdbc.sql(SELECT + """
                WHERE t.agreement_id = :agreement AND t.txn_type = :type AND t.transaction_sealed IS NOT NULL AND EXISTS (
                    SELECT 1 FROM dci_reference r WHERE r.correlation_id = t.correlation_id AND r.reference_token IN (:tokens))
                ORDER BY t.created_at DESC, t.correlation_id DESC FETCH FIRST 1 ROWS ONLY""")
                .param("agreement", agreement.value()).param("type", type)
                .param("tokens", referenceIds.stream().map(id -> referenceToken(agreement, id)).toList())
                .query(this::txn).optional();
    }

    /** The entries of a transaction whose ids are kept (a search's), with their reference ids. */
    List<Entry> entries(String correlationId) {
        return jdbc.sql("""
                SELECT item_no, reference_sealed, status, reason_code FROM dci_reference
                WHERE correlation_id = :id AND reference_sealed IS NOT NULL ORDER BY item_no""")
                .param("id", correlationId)
                .query((rs, row) -> new Entry(rs.getInt(1),
                        sealer.openText(rs.getBytes(2), referenceRow(correlationId, rs.getInt(1))), rs.getString(3),
                        rs.getString(4)))
                .list();
    }

    /** Whether a transaction of this type keeps the partner's ids: only what a status request reports. */
    private static boolean reported(String type) {
        return SearchAnswering.TYPE.equals(type);
    }

    private byte[] transactionToken(AgreementId agreement, String transactionId) {
        return blindIndex.bytesOf(BlindIndex.Domain.DCI_TRANSACTION_ID, agreement.value() + "|" + transactionId);
    }

    private byte[] referenceToken(AgreementId agreement, String referenceId) {
        return blindIndex.bytesOf(BlindIndex.Domain.DCI_REFERENCE_ID, agreement.value() + "|" + referenceId);
    }

    /** What a sealed transaction id is bound to: its column and its transaction. */
    private static String transactionRow(String correlationId) {
        return "dci_transaction.transaction_id|" + correlationId;
    }

    /** What a sealed reference id is bound to: its column, its transaction and its place. */
    private static String referenceRow(String correlationId, int item) {
        return "dci_reference.reference_id|" + correlationId + "|" + item;
    }

    private Txn txn(ResultSet rs, int row) throws SQLException {
        String correlationId = rs.getString(1);
        return new Txn(correlationId, AgreementId.of(rs.getString(2)),
                sealer.openText(rs.getBytes(3), transactionRow(correlationId)), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getTimestamp(7).toInstant());
    }
}
