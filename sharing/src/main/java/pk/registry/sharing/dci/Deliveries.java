package pk.registry.sharing.dci;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import pk.registry.kernel.HouseholdId;
import pk.registry.sharing.AgreementId;

/**
 * Callbacks to deliver ({@code dci_delivery}). A node takes a due callback with one conditional
 * update ({@link #claim}), so that of several nodes exactly one sends it; a claim that its node
 * did not finish (a crash) runs out and the callback is due again. The answers a callback holds
 * are linked to the disclosures they were recorded as ({@code dci_held_answer}), so that a
 * household's erasure can withdraw them ({@link #holdingAnswersAbout}). Where a callback goes may
 * hold whatever path a partner put in its {@code sender_uri}, so it is kept sealed, and only until
 * the callback ends (delivered, given up or withdrawn).
 */
@Repository
class Deliveries {

    private final JdbcClient jdbc;
    private final Sealer sealer;

    Deliveries(JdbcClient jdbc, Sealer sealer) {
        this.jdbc = jdbc;
        this.sealer = sealer;
    }

    /**
     * A callback a node has claimed: where it goes, its sealed envelope, how many attempts were made
     * with this one, when it was queued, and the subscription it tells if it is a notification.
     */
    record Claimed(String id, String correlationId, AgreementId agreement, String action, URI target, byte[] sealed,
            int attempts, Instant queuedAt, @Nullable String subscription) {
    }

    /** An answer a callback holds: its place in the callback's entries, the disclosure it was recorded as. */
    record HeldAnswer(int item, UUID disclosure) {
    }

    /** A callback's sealed envelope, not delivered (pending or given up). */
    record Held(String id, String correlationId, String action, byte[] sealed) {
    }

    private static final String HELD = "SELECT id, correlation_id, action, sealed_envelope FROM dci_delivery "
            + "WHERE sealed_envelope IS NOT NULL AND ";

    /** A callback's end: it is not attempted again, so where it would have gone is forgotten. */
    private static final String ENDED = "claimed_by = NULL, claimed_until = NULL, target_sealed = NULL, target_url = NULL";

    /**
     * A time as stored: to the millisecond, rounded down, so that a time written now is never
     * after "now" (the database would round a finer one to its own precision, possibly up).
     */
    private static Timestamp at(Instant instant) {
        return Timestamp.from(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * Queues a callback, due now.
     *
     * @param subscription the subscription a notification tells; null for any other callback
     */
    void add(String id, String correlationId, AgreementId agreement, String action, @Nullable String subscription,
            URI target, byte[] sealed, List<HeldAnswer> answers, Instant now) {
        jdbc.sql("""
                INSERT INTO dci_delivery (id, correlation_id, agreement_id, action, subscription_code, target_sealed,
                                          sealed_envelope, status, attempts, next_attempt_at, created_at, updated_at)
                VALUES (:id, :correlation, :agreement, :action, :subscription, :target, :sealed, 'PENDING', 0, :now, :now,
                        :now)""")
                .param("id", id).param("correlation", correlationId).param("agreement", agreement.value())
                .param("action", action).param("subscription", subscription)
                .param("target", sealer.sealText(target.toString(), targetRow(id))).param("sealed", sealed)
                .param("now", at(now)).update();
        for (HeldAnswer answer : answers) {
            jdbc.sql("INSERT INTO dci_held_answer (delivery_id, item_no, disclosure_id) VALUES (:id, :item, :disclosure)")
                    .param("id", id).param("item", answer.item()).param("disclosure", answer.disclosure().toString())
                    .update();
        }
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
                SELECT correlation_id, agreement_id, action, target_sealed, target_url, sealed_envelope, attempts, created_at,
                       subscription_code
                FROM dci_delivery WHERE id = :id AND claimed_by = :node""")
                .param("id", id).param("node", node)
                .query((rs, row) -> new Claimed(id, rs.getString(1), AgreementId.of(rs.getString(2)), rs.getString(3),
                        target(id, rs.getBytes(4), rs.getString(5)), rs.getBytes(6), rs.getInt(7),
                        rs.getTimestamp(8).toInstant(), rs.getString(9)))
                .optional();
    }

    /** The callback's URL: sealed, or, for one queued before URLs were sealed, as it was stored. */
    private URI target(String id, byte @Nullable [] sealed, @Nullable String stored) {
        return URI.create(sealed != null ? sealer.openText(sealed, targetRow(id)) : Objects.requireNonNull(stored));
    }

    /** What a sealed callback URL is bound to: its column and its callback. */
    private static String targetRow(String id) {
        return "dci_delivery.target_sealed|" + id;
    }

    /** Delivered: the sealed envelope is dropped, and with it the links to its answers. */
    void delivered(String id, Instant now) {
        forgetAnswers(id);
        jdbc.sql("""
                UPDATE dci_delivery SET status = 'DELIVERED', sealed_envelope = NULL, last_error = NULL, updated_at = :now,
                       """ + ENDED + " WHERE id = :id")
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
                UPDATE dci_delivery SET status = 'FAILED', last_error = :error, updated_at = :now,
                       """ + ENDED + " WHERE id = :id")
                .param("error", error).param("now", at(now)).param("id", id).update();
    }

    /** A transaction's callback that was not delivered (pending or given up) and still holds its envelope, if any. */
    Optional<Held> undelivered(String correlationId, String action) {
        return jdbc.sql(HELD + "correlation_id = :id AND action = :action AND status <> 'DELIVERED'")
                .param("id", correlationId).param("action", action).query(Deliveries::held).optional();
    }

    /**
     * The subscription's notifications not delivered (pending, or given up and still held) and not
     * being sent by a node right now.
     */
    List<Held> undeliveredNoticesOf(String subscription, Instant now) {
        return jdbc.sql(HELD + "subscription_code = :code AND status <> 'DELIVERED' "
                + "AND (claimed_until IS NULL OR claimed_until < :now)")
                .param("code", subscription).param("now", at(now)).query(Deliveries::held).list();
    }

    /** The callbacks holding answers about these households, still sealed, with the places of those answers. */
    Map<String, List<Integer>> holdingAnswersAbout(Collection<HouseholdId> households) {
        Map<String, List<Integer>> items = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT h.delivery_id, h.item_no FROM dci_held_answer h JOIN disclosure d ON d.id = h.disclosure_id
                WHERE d.household_id IN (:households) ORDER BY h.delivery_id, h.item_no""")
                .param("households", households.stream().map(HouseholdId::toString).toList())
                .query(rs -> {
                    items.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(rs.getInt(2));
                });
        return items;
    }

    /** The callback, if it still holds its sealed envelope. */
    Optional<Held> held(String id) {
        return jdbc.sql(HELD + "id = :id").param("id", id).query(Deliveries::held).optional();
    }

    /** The answers the callback holds: the disclosure each was recorded as, by its place. */
    Map<Integer, UUID> answersHeldBy(String id) {
        Map<Integer, UUID> answers = new TreeMap<>();
        jdbc.sql("SELECT item_no, disclosure_id FROM dci_held_answer WHERE delivery_id = :id").param("id", id)
                .query(rs -> {
                    answers.put(rs.getInt(1), UUID.fromString(rs.getString(2)));
                });
        return answers;
    }

    /**
     * Replaces the callback's sealed envelope; these of its answers are no longer held. Its times
     * stay as they are: a callback given up is forgotten as planned.
     */
    void reseal(String id, byte[] sealed, Collection<Integer> withdrawn) {
        jdbc.sql("UPDATE dci_delivery SET sealed_envelope = :sealed WHERE id = :id")
                .param("sealed", sealed).param("id", id).update();
        jdbc.sql("DELETE FROM dci_held_answer WHERE delivery_id = :id AND item_no IN (:items)")
                .param("id", id).param("items", List.copyOf(withdrawn)).update();
    }

    /** Withdrawn as a whole: not attempted again, its sealed envelope dropped. */
    void withdraw(String id, String reason, Instant now) {
        forgetAnswers(id);
        jdbc.sql("""
                UPDATE dci_delivery SET status = 'FAILED', sealed_envelope = NULL, last_error = :reason, updated_at = :now,
                       """ + ENDED + " WHERE id = :id")
                .param("reason", reason).param("now", at(now)).param("id", id).update();
    }

    /** Drops the sealed envelopes of callbacks given up before {@code before}; returns how many. */
    int forgetUndelivered(Instant before) {
        jdbc.sql("""
                DELETE FROM dci_held_answer WHERE delivery_id IN (
                    SELECT id FROM dci_delivery
                    WHERE status = 'FAILED' AND sealed_envelope IS NOT NULL AND updated_at < :before)""")
                .param("before", at(before)).update();
        return jdbc.sql("""
                UPDATE dci_delivery SET sealed_envelope = NULL
                WHERE status = 'FAILED' AND sealed_envelope IS NOT NULL AND updated_at < :before""")
                .param("before", at(before)).update();
    }

    private static Held held(ResultSet rs, int row) throws SQLException {
        return new Held(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4));
    }

    private void forgetAnswers(String id) {
        jdbc.sql("DELETE FROM dci_held_answer WHERE delivery_id = :id").param("id", id).update();
    }
}
