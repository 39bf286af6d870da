package pk.registry.household;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The proxy means test's model versions ({@code pmt_model}, {@code pmt_weight}). The active
 * model is read from a snapshot at most {@value #SNAPSHOT_SECONDS} seconds old (this node's
 * activations at once): every household stored scores with it.
 */
@Repository
class PmtModels {

    private static final long SNAPSHOT_SECONDS = 30;

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile @Nullable Snapshot snapshot;

    private record Snapshot(PmtModel active, long loadedAtNanos) {
    }

    PmtModels(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The model that scores households now. */
    PmtModel active() {
        Snapshot current = snapshot;
        if (current == null || System.nanoTime() - current.loadedAtNanos() > Duration.ofSeconds(SNAPSHOT_SECONDS).toNanos()) {
            String version = jdbc.sql("SELECT version FROM pmt_model WHERE active = 'Y'").query(String.class).single();
            current = new Snapshot(find(version).orElseThrow(), System.nanoTime());
            snapshot = current;
        }
        return current.active();
    }

    Optional<PmtModel> find(String version) {
        Map<PmtFactor, BigDecimal> weights = new EnumMap<>(PmtFactor.class);
        jdbc.sql("SELECT factor, weight FROM pmt_weight WHERE model_version = :version").param("version", version)
                .query(rs -> {
                    weights.put(PmtFactor.valueOf(rs.getString(1)), rs.getBigDecimal(2));
                });
        return jdbc.sql("SELECT base FROM pmt_model WHERE version = :version").param("version", version)
                .query(BigDecimal.class).optional().map(base -> new PmtModel(version, base, weights));
    }

    /** Every version, the active one marked, newest first. */
    List<PmtModelVersion> all() {
        return jdbc.sql("SELECT version, active, published_at, activated_at FROM pmt_model ORDER BY published_at DESC, version")
                .query((rs, row) -> new PmtModelVersion(find(rs.getString(1)).orElseThrow(), "Y".equals(rs.getString(2)),
                        rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .list();
    }

    /**
     * @throws PmtModelConflictException if the version exists
     */
    void publish(PmtModel model) {
        try {
            jdbc.sql("INSERT INTO pmt_model (version, base, published_at) VALUES (:version, :base, :at)")
                    .param("version", model.version()).param("base", model.base())
                    .param("at", Timestamp.from(clock.instant())).update();
        }
        catch (DuplicateKeyException ex) {
            throw new PmtModelConflictException("Model versions are immutable; this one is already published.");
        }
        model.weights().forEach((factor, weight) -> jdbc.sql(
                "INSERT INTO pmt_weight (model_version, factor, weight) VALUES (:version, :factor, :weight)")
                .param("version", model.version()).param("factor", factor.name()).param("weight", weight).update());
    }

    /**
     * Makes the version the active one, in the caller's transaction.
     * @return whether it was a published version
     */
    boolean activate(String version) {
        if (find(version).isEmpty()) {
            return false;
        }
        jdbc.sql("UPDATE pmt_model SET active = NULL WHERE active = 'Y'").update();
        jdbc.sql("UPDATE pmt_model SET active = 'Y', activated_at = :at WHERE version = :version")
                .param("at", Timestamp.from(clock.instant())).param("version", version).update();
        snapshot = null;
        return true;
    }
}
