package pk.registry.sharing.dci;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import pk.registry.sharing.AgreementId;

/**
 * Callbacks to deliver ({@code dci_delivery}). A node takes a due callback with one conditional
 * update ({@link #claim}), so that of several nodes exactly one sends it; a claim that its node
 * did not finish (a crash) runs out and the callback is due again.
 */
@Repository
class Deliveries {

    private final JdbcClient jdbc;

    Deliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A callback a node has claimed: where it goes, its sealed envelope, how many attempts were made with this one. */
    record Claimed(String id, String correlationId, AgreementId agreement, String action, URI target, byte[] sealed,
            int attempts) {
    }

    /**
     * A time as stored: to the millisecond, rounded down, so that a time written now is never
     * after "now" (the database would round a finer one to its own precision, possibly up).
     */
    private static Timestamp at(Instant instant) {
        return Timestamp.from(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    void add(String id, String correlationId, AgreementId agreement, String action, URI target, byte[] sealed, Instant now) {
        jdbc.sql("""
                INSERT INTO dci_delivery (id, correlation_id, agreement_id, action, target_url, sealed_envelope, status,
                                          attempts, next_attempt_at, created_at, updated_at)
                VALUES (:id, :correlation, :agreement, :action, :target, :sealed, 'PENDING', 0, :now, :now, :now)""")
                .param("id", id).param("correlation", correlationId).param("agreement", agreement.value())
                .param("action", action).param("target", target.toString()).param("sealed", sealed)
                .param("now", at(now)).update();
    }

    /** Up to {@code limit} callbacks due now and not claimed by a node, oldest first. */
    List<String> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id FROM dci_delivery
                WHERE status = 'PENDING' AND next_attempt_at <= :now AND (claimed_until IS NULL OR claimed_until < :now)
                ORDER BY next_attempt_at, id FETCH FIRST :limit ROWS ONLY""")
                .param("now", at(now)).param("limit", limit).query(String.class).list();
    }

    /** Takes a due callback for this node until {@code until}, counting the attempt; empty if another node has it. */
    Optional<Claimed> claim(String id, String node, Instant now, Instant until) {
        int claimed = jdbc.sql("""
                UPDATE dci_delivery SET claimed_by = :node, claimed_until = :until, attempts = attempts + 1, updated_at = :now
                WHERE id = :id AND status = 'PENDING' AND next_attempt_at <= :now
                  AND (claimed_until IS NULL OR claimed_until < :now)""")
                .param("node", node).param("until", at(until)).param("now", at(now)).param("id", id)
                .update();
        if (claimed == 0) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT correlation_id, agreement_id, action, target_url, sealed_envelope, attempts
                FROM dci_delivery WHERE id = :id AND claimed_by = :node""")
                .param("id", id).param("node", node)
                .query((rs, row) -> new Claimed(id, rs.getString(1), AgreementId.of(rs.getString(2)), rs.getString(3),
                        URI.create(rs.getString(4)), rs.getBytes(5), rs.getInt(6)))
                .optional();
    }

    /** Delivered: the sealed envelope is dropped. */
    void delivered(String id, Instant now) {
        jdbc.sql("""
                UPDATE dci_delivery SET status = 'DELIVERED', sealed_envelope = NULL, claimed_by = NULL, claimed_until = NULL,
                       last_error = NULL, updated_at = :now WHERE id = :id""")
                .param("now", at(now)).param("id", id).update();
    }

    /** Failed this time: due again at {@code next}. */
    void retryAt(String id, Instant next, String error, Instant now) {
        jdbc.sql("""
                UPDATE dci_delivery SET next_attempt_at = :next, claimed_by = NULL, claimed_until = NULL, last_error = :error,
                       updated_at = :now WHERE id = :id""")
                .param("next", at(next)).param("error", error).param("now", at(now)).param("id", id)
                .update();
    }

    /** Given up: not attempted again; the sealed envelope stays for status requests until the retention ends. */
    void gaveUp(String id, String error, Instant now) {
        jdbc.sql("""
                UPDATE dci_delivery SET status = 'FAILED', claimed_by = NULL, claimed_until = NULL, last_error = :error,
                       updated_at = :now WHERE id = :id""")
                .param("error", error).param("now", at(now)).param("id", id).update();
    }

    /** The sealed envelope of a transaction's callback that was not delivered (pending or given up), if any. */
    Optional<byte[]> undelivered(String correlationId, String action) {
        return jdbc.sql("""
                SELECT sealed_envelope FROM dci_delivery
                WHERE correlation_id = :id AND action = :action AND status <> 'DELIVERED' AND sealed_envelope IS NOT NULL""")
                .param("id", correlationId).param("action", action).query((rs, row) -> rs.getBytes(1)).optional();
    }

    /** Drops the sealed envelopes of callbacks given up before {@code before}; returns how many. */
    int forgetUndelivered(Instant before) {
        return jdbc.sql("""
                UPDATE dci_delivery SET sealed_envelope = NULL
                WHERE status = 'FAILED' AND sealed_envelope IS NOT NULL AND updated_at < :before""")
                .param("before", at(before)).update();
    }
}
