package pk.registry.sharing;

import java.net.URI;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import pk.registry.kernel.Purpose;

/**
 * Agreements ({@code agreement} and its programme, purpose and field lists). Partners' requests
 * read an agreement from a snapshot at most {@value #SNAPSHOT_SECONDS} seconds old (this node's
 * changes at once), so that answering does not read the agreement tables every time.
 */
@Repository
class Agreements {

    private static final long SNAPSHOT_SECONDS = 30;

    private final JdbcClient jdbc;
    private final Map<AgreementId, Snapshot> snapshots = new ConcurrentHashMap<>();

    private record Snapshot(Optional<Agreement> agreement, long loadedAtNanos) {
    }

    Agreements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The agreement as of at most a few seconds ago. */
    Optional<Agreement> cached(AgreementId id) {
        Snapshot snapshot = snapshots.get(id);
        if (snapshot == null || System.nanoTime() - snapshot.loadedAtNanos() > SNAPSHOT_SECONDS * 1_000_000_000L) {
            snapshot = new Snapshot(find(id), System.nanoTime());
            snapshots.put(id, snapshot);
        }
        return snapshot.agreement();
    }

    Optional<Agreement> find(AgreementId id) {
        return jdbc.sql("""
                SELECT id, agency, status, valid_from, valid_until, daily_quota, jurisdiction, transfer_approval,
                       transfer_approved_on, callback_base_url, jwks, dci_sender_id, updated_at
                FROM agreement WHERE id = :id""")
                .param("id", id.value())
                .query((rs, row) -> new Agreement(id, rs.getString(2), AgreementStatus.valueOf(rs.getString(3)),
                        rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate(), rs.getInt(6), programmes(id),
                        purposes(id), fields(id), rs.getString(7),
                        rs.getString(8) == null ? null
                                : new Agreement.TransferApproval(rs.getString(8), rs.getDate(9).toLocalDate()),
                        rs.getString(10) == null ? null : URI.create(rs.getString(10)), rs.getString(11),
                        rs.getString(12), rs.getTimestamp(13).toInstant()))
                .optional();
    }

    List<AgreementId> ids() {
        return jdbc.sql("SELECT id FROM agreement ORDER BY id").query((rs, row) -> AgreementId.of(rs.getString(1))).list();
    }

    /** Inserts or replaces the agreement with its lists; returns whether it was new. */
    boolean save(Agreement agreement, Instant at) {
        String id = agreement.id().value();
        var update = jdbc.sql("""
                UPDATE agreement SET agency = :agency, status = :status, valid_from = :from, valid_until = :until,
                       daily_quota = :quota, jurisdiction = :jurisdiction, transfer_approval = :approval,
                       transfer_approved_on = :approvedOn, callback_base_url = :callback, jwks = :jwks,
                       dci_sender_id = :sender, updated_at = :at
                WHERE id = :id""");
        int updated = bind(update, agreement, at).update();
        if (updated == 0) {
            bind(jdbc.sql("""
                    INSERT INTO agreement (id, agency, status, valid_from, valid_until, daily_quota, jurisdiction,
                                           transfer_approval, transfer_approved_on, callback_base_url, jwks,
                                           dci_sender_id, created_at, updated_at)
                    VALUES (:id, :agency, :status, :from, :until, :quota, :jurisdiction, :approval, :approvedOn,
                            :callback, :jwks, :sender, :at, :at)"""), agreement, at).update();
        }
        for (String table : List.of("agreement_programme", "agreement_purpose", "agreement_field")) {
            jdbc.sql("DELETE FROM " + table + " WHERE agreement_id = :id").param("id", id).update();
        }
        agreement.programmes().forEach(code -> jdbc.sql(
                "INSERT INTO agreement_programme (agreement_id, programme_code) VALUES (:id, :code)")
                .param("id", id).param("code", code).update());
        agreement.purposes().forEach(purpose -> jdbc.sql(
                "INSERT INTO agreement_purpose (agreement_id, purpose_code) VALUES (:id, :purpose)")
                .param("id", id).param("purpose", purpose.name()).update());
        agreement.fields().forEach(field -> jdbc.sql(
                "INSERT INTO agreement_field (agreement_id, field) VALUES (:id, :field)")
                .param("id", id).param("field", field.name()).update());
        forgetAfterCommit(agreement.id());
        return updated == 0;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Agreement agreement, Instant at) {
        Agreement.TransferApproval approval = agreement.transferApproval();
        return statement.param("id", agreement.id().value()).param("agency", agreement.agency())
                .param("status", agreement.status().name()).param("from", Date.valueOf(agreement.validFrom()))
                .param("until", Date.valueOf(agreement.validUntil())).param("quota", agreement.dailyQuota())
                .param("jurisdiction", agreement.jurisdiction())
                .param("approval", approval == null ? null : approval.reference())
                .param("approvedOn", approval == null ? null : Date.valueOf(approval.approvedOn()))
                .param("callback", agreement.callbackBaseUrl() == null ? null : agreement.callbackBaseUrl().toString())
                .param("jwks", agreement.jwks()).param("sender", agreement.dciSenderId())
                .param("at", Timestamp.from(at));
    }

    private Set<String> programmes(AgreementId id) {
        return new HashSet<>(jdbc.sql("SELECT programme_code FROM agreement_programme WHERE agreement_id = :id")
                .param("id", id.value()).query(String.class).list());
    }

    private Set<Purpose> purposes(AgreementId id) {
        Set<Purpose> purposes = EnumSet.noneOf(Purpose.class);
        jdbc.sql("SELECT purpose_code FROM agreement_purpose WHERE agreement_id = :id").param("id", id.value())
                .query(String.class).list().forEach(code -> purposes.add(Purpose.valueOf(code)));
        return purposes;
    }

    private Set<AnswerField> fields(AgreementId id) {
        Set<AnswerField> fields = EnumSet.noneOf(AnswerField.class);
        jdbc.sql("SELECT field FROM agreement_field WHERE agreement_id = :id").param("id", id.value())
                .query(String.class).list().forEach(field -> fields.add(AnswerField.valueOf(field)));
        return fields;
    }

    /** Drops this node's snapshot now and once the change is committed, so no reader keeps the old terms. */
    private void forgetAfterCommit(AgreementId key) {
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
