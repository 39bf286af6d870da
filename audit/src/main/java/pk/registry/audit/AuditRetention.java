package pk.registry.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.RetentionCategory;

/**
 * The audit trail's retention: events older than the audit period are deleted from the start
 * of the chain, and the chain is anchored at the last one deleted, so verification still holds
 * for every event kept. The chain cannot have a gap: deletion stops at the first old event of a
 * household under a legal hold, and everything from there on is kept (counted as held).
 */
@Component
class AuditRetention implements RetentionCategory {

    private final JdbcClient jdbc;

    AuditRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "auditTrail";
    }

    @Override
    public Count count(Instant cutoff, Set<HouseholdId> held) {
        long anchor = anchorSeq();
        long end = end(cutoff, held, anchor);
        long old = jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE seq > :anchor AND occurred_at < :cutoff")
                .param("anchor", anchor).param("cutoff", Timestamp.from(cutoff)).query(Long.class).single();
        long deletable = jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE seq > :anchor AND seq < :end")
                .param("anchor", anchor).param("end", end).query(Long.class).single();
        return new Count(deletable, old - deletable);
    }

    @Override
    public int deleteBatch(Instant cutoff, Set<HouseholdId> held, int limit) {
        // Appends lock the chain head too: the chain does not move while its start is cut.
        jdbc.sql("SELECT last_seq FROM audit_chain_head WHERE id = 1 FOR UPDATE").query(Long.class).single();
        long anchor = anchorSeq();
        long last = Math.min(end(cutoff, held, anchor) - 1, anchor + limit);
        if (last <= anchor) {
            return 0;
        }
        String hash = jdbc.sql("SELECT hash FROM audit_event WHERE seq = :seq").param("seq", last).query(String.class).single();
        int deleted = jdbc.sql("DELETE FROM audit_event WHERE seq > :anchor AND seq <= :last")
                .param("anchor", anchor).param("last", last).update();
        jdbc.sql("UPDATE audit_anchor SET anchor_seq = :seq, anchor_hash = :hash WHERE id = 1")
                .param("seq", last).param("hash", hash).update();
        return deleted;
    }

    private long anchorSeq() {
        return jdbc.sql("SELECT anchor_seq FROM audit_anchor WHERE id = 1").query(Long.class).single();
    }

    /** The first event that must stay: the first one not older than the cut-off, or an old one of a held household. */
    private long end(Instant cutoff, Set<HouseholdId> held, long anchor) {
        Optional<Long> young = jdbc.sql("SELECT MIN(seq) FROM audit_event WHERE seq > :anchor AND occurred_at >= :cutoff")
                .param("anchor", anchor).param("cutoff", Timestamp.from(cutoff)).query(Long.class).optional();
        long end = young.orElse(lastSeq() + 1);
        if (!held.isEmpty()) {
            Optional<Long> firstHeld = jdbc.sql("""
                    SELECT MIN(seq) FROM audit_event WHERE seq > :anchor AND seq < :end AND household_id IN (:held)""")
                    .param("anchor", anchor).param("end", end)
                    .param("held", held.stream().map(HouseholdId::toString).toList()).query(Long.class).optional();
            end = Math.min(end, firstHeld.orElse(end));
        }
        return end;
    }

    private long lastSeq() {
        return jdbc.sql("SELECT last_seq FROM audit_chain_head WHERE id = 1").query(Long.class).single();
    }
}
