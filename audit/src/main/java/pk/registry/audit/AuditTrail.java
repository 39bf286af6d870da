package pk.registry.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import pk.registry.kernel.Actor;
import pk.registry.kernel.Caller;
import pk.registry.kernel.Purpose;
import pk.registry.kernel.Role;
import pk.registry.keys.BlindIndex;

/**
 * Appends to and reads the hash-chained audit trail.
 * <p>
 * Each event's hash is SHA-256 over its predecessor's hash and its own canonical content.
 * Appends take a row lock on the chain head, so writers on any number of nodes extend one
 * chain in order; an append joins the caller's transaction and so commits or rolls back
 * with the change it records.
 */
@Service
public class AuditTrail {

    static final String GENESIS = "0".repeat(64);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final BlindIndex blindIndex;
    private final ObjectProvider<Caller> caller;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, JdbcTemplate batch, BlindIndex blindIndex, ObjectProvider<Caller> caller, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.blindIndex = blindIndex;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * Appends a change to how the registry runs (an agreement, a programme, a model version, a
     * policy, a DPO job), made by the caller of the current request, inside the caller's
     * transaction; nothing when there is no caller (the service's own start-up seeding, say).
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAdministration(AuditAction action) {
        caller.ifAvailable(callers -> callers.current()
                .ifPresent(by -> record(AuditEntry.success(by, Purpose.LEGAL_COMPLIANCE, null, action))));
    }

    /** Appends one event, inside the caller's transaction (or a new one). */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditEntry entry) {
        recordAll(List.of(entry));
    }

    /** Appends events in order, under one lock of the chain head and one batch insert. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAll(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Head head = jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, row) -> new Head(rs.getLong(1), rs.getString(2))).single();
        long seq = head.lastSeq();
        String previous = head.lastHash();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<AuditEvent> events = new ArrayList<>(entries.size());
        for (AuditEntry entry : entries) {
            seq++;
            String household = entry.household() == null ? null : entry.household().toString();
            String actor = pseudonym(entry.actor());
            String role = entry.actor().role().name();
            String hash = hash(previous, seq, at, actor, role, entry.purpose().name(), household, entry.action().name(),
                    entry.outcome().name());
            events.add(new AuditEvent(seq, at, actor, role, entry.purpose().name(), household, entry.action().name(),
                    entry.outcome().name(), previous, hash));
            previous = hash;
        }
        batch.batchUpdate("""
                INSERT INTO audit_event (seq, occurred_at, actor, actor_role, purpose, household_id, action, outcome,
                                         prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", events, events.size(), (statement, event) -> {
            statement.setLong(1, event.seq());
            statement.setTimestamp(2, Timestamp.from(event.occurredAt()));
            statement.setString(3, event.actor());
            statement.setString(4, event.actorRole());
            statement.setString(5, event.purpose());
            statement.setString(6, event.householdId());
            statement.setString(7, event.action());
            statement.setString(8, event.outcome());
            statement.setString(9, event.previousHash());
            statement.setString(10, event.hash());
        });
        jdbc.sql("UPDATE audit_chain_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
                .param("seq", seq).param("hash", previous).update();
    }

    /** A page of events, newest first. */
    @Transactional(readOnly = true)
    public List<AuditEvent> page(int page, int size) {
        return jdbc.sql("SELECT * FROM audit_event ORDER BY seq DESC OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY")
                .param("offset", (long) page * size).param("size", size)
                .query((rs, row) -> event(rs)).list();
    }

    @Transactional(readOnly = true)
    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single();
    }

    /**
     * Re-walks the whole chain, streaming, from its anchor: the last event deleted when its
     * retention period ended (the genesis while none was).
     */
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        Head anchor = jdbc.sql("SELECT anchor_seq, anchor_hash FROM audit_anchor WHERE id = 1")
                .query((rs, row) -> new Head(rs.getLong(1), rs.getString(2))).single();
        var walk = new Object() {
            long expectedSeq = anchor.lastSeq() + 1;
            String previous = anchor.lastHash();
            long checked;
            @Nullable Long broken;
        };
        jdbc.sql("SELECT * FROM audit_event ORDER BY seq").query(rs -> {
            if (walk.broken != null) {
                return;
            }
            AuditEvent event = event(rs);
            walk.checked++;
            String expected = hash(walk.previous, event.seq(), event.occurredAt(), event.actor(), event.actorRole(),
                    event.purpose(), event.householdId(), event.action(), event.outcome());
            if (event.seq() != walk.expectedSeq || !event.previousHash().equals(walk.previous)
                    || !event.hash().equals(expected)) {
                walk.broken = event.seq();
            }
            walk.previous = event.hash();
            walk.expectedSeq = event.seq() + 1;
        });
        if (walk.broken == null) {
            Head head = jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1")
                    .query((rs, row) -> new Head(rs.getLong(1), rs.getString(2))).single();
            if (head.lastSeq() != walk.expectedSeq - 1 || !head.lastHash().equals(walk.previous)) {
                // events were removed from the end of the chain
                walk.broken = walk.expectedSeq;
            }
        }
        return new ChainVerification(walk.broken == null, walk.checked, walk.broken);
    }

    private String pseudonym(Actor actor) {
        if (actor.is(Role.APPLICANT)) {
            return "applicant:" + blindIndex.of(BlindIndex.Domain.MOBILE, actor.subject()).substring(0, 24);
        }
        return "client:" + actor.subject();
    }

    private static AuditEvent event(ResultSet rs) throws SQLException {
        return new AuditEvent(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                rs.getString("actor_role"), rs.getString("purpose"), rs.getString("household_id"),
                rs.getString("action"), rs.getString("outcome"), rs.getString("prev_hash"), rs.getString("hash"));
    }

    static String hash(String previous, long seq, Instant at, String actor, String role, String purpose,
            @Nullable String household, String action, String outcome) {
        String canonical = String.join("\n", previous, Long.toString(seq), at.toString(), actor, role, purpose,
                household == null ? "-" : household, action, outcome);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private record Head(long lastSeq, String lastHash) {
    }
}
