package pk.registry.sharing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Programmes ({@code programme}). */
@Repository
class Programmes {

    private static final long SNAPSHOT_NANOS = 30_000_000_000L;

    private final JdbcClient jdbc;
    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();

    private record Snapshot(Optional<Programme> programme, long loadedAtNanos) {
    }

    Programmes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The programme as of at most 30 seconds ago (this node's changes at once). */
    Optional<Programme> cached(String code) {
        Snapshot snapshot = snapshots.get(code);
        if (snapshot == null || System.nanoTime() - snapshot.loadedAtNanos() > SNAPSHOT_NANOS) {
            snapshot = new Snapshot(find(code), System.nanoTime());
            snapshots.put(code, snapshot);
        }
        return snapshot.programme();
    }

    List<Programme> all() {
        return jdbc.sql("SELECT code, name, model_version, cutoff FROM programme ORDER BY code")
                .query((rs, row) -> new Programme(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4)))
                .list();
    }

    Optional<Programme> find(String code) {
        return jdbc.sql("SELECT code, name, model_version, cutoff FROM programme WHERE code = :code").param("code", code)
                .query((rs, row) -> new Programme(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4)))
                .optional();
    }

    /** Inserts or replaces the programme; returns whether it was new. */
    boolean save(Programme programme, Instant at) {
        forgetAfterCommit(programme.code());
        int updated = jdbc.sql("UPDATE programme SET name = :name, model_version = :version, cutoff = :cutoff WHERE code = :code")
                .param("name", programme.name()).param("version", programme.modelVersion())
                .param("cutoff", programme.cutoff()).param("code", programme.code()).update();
        if (updated == 1) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO programme (code, name, model_version, cutoff, created_at)
                VALUES (:code, :name, :version, :cutoff, :at)""")
                .param("code", programme.code()).param("name", programme.name())
                .param("version", programme.modelVersion()).param("cutoff", programme.cutoff())
                .param("at", Timestamp.from(at)).update();
        return true;
    }

    /** Drops this node's snapshot now and once the change is committed, so no reader keeps the old terms. */
    private void forgetAfterCommit(String key) {
        snapshots.remove(key);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    snapshots.remove(key);
                }
            });
        }
    }
}
