package pk.registry.sharing.dci;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.HouseholdRowsDeletion;
import pk.registry.kernel.Purpose;
import pk.registry.sharing.AgreementId;

/**
 * Partners' subscriptions ({@code dci_subscription}). An agreement follows a household for a
 * programme and purpose at most once at a time: the database's unique {@code active_key} says so.
 */
@Repository
class DciSubscriptions {

    private static final String SELECT = """
            SELECT s.code, s.agreement_id, s.household_id, s.programme, s.purpose, s.masked_cnic, s.receiver_id,
                   s.last_eligible, s.ended_at
            FROM dci_subscription s
            """;

    private final JdbcClient jdbc;

    DciSubscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A subscription.
     *
     * @param maskedCnic the CNIC asked about, masked; the only form of it kept
     * @param receiverId the partner's DCI id, to address notifications to
     * @param lastEligible the eligibility the partner was last told (when it subscribed, or in the last notification)
     */
    record Subscription(String code, AgreementId agreement, HouseholdId household, String programme, Purpose purpose,
            String maskedCnic, String receiverId, boolean lastEligible, boolean active) {
    }

    /** An agreement's active subscription: its code, and since when. */
    record Following(String code, Instant since) {
    }

    /** The agreement's active subscription to the household for the programme and purpose, if it follows it. */
    Optional<Following> following(AgreementId agreement, HouseholdId household, String programme, Purpose purpose) {
        return jdbc.sql("SELECT code, created_at FROM dci_subscription WHERE active_key = :key")
                .param("key", activeKey(agreement, household, programme, purpose))
                .query((rs, row) -> new Following(rs.getString(1), rs.getTimestamp(2).toInstant())).optional();
    }

    /** @throws org.springframework.dao.DuplicateKeyException if the agreement already follows it */
    void add(Subscription subscription, Instant at) {
        jdbc.sql("""
                INSERT INTO dci_subscription (code, agreement_id, household_id, programme, purpose, masked_cnic, receiver_id,
                                              last_eligible, active_key, created_at)
                VALUES (:code, :agreement, :household, :programme, :purpose, :masked, :receiver, :eligible, :key, :at)""")
                .param("code", subscription.code()).param("agreement", subscription.agreement().value())
                .param("household", subscription.household().toString()).param("programme", subscription.programme())
                .param("purpose", subscription.purpose().name()).param("masked", subscription.maskedCnic())
                .param("receiver", subscription.receiverId()).param("eligible", flag(subscription.lastEligible()))
                .param("key", activeKey(subscription.agreement(), subscription.household(), subscription.programme(),
                        subscription.purpose()))
                .param("at", Timestamp.from(at)).update();
    }

    /** The agreement's subscription with this code, active or ended; never another agreement's. */
    Optional<Subscription> find(AgreementId agreement, String code) {
        return jdbc.sql(SELECT + "WHERE s.code = :code AND s.agreement_id = :agreement")
                .param("code", code).param("agreement", agreement.value()).query(DciSubscriptions::subscription).optional();
    }

    /** Ends the subscription; returns whether it was active (only one caller ends it). */
    boolean end(String code, Instant at) {
        return jdbc.sql("UPDATE dci_subscription SET active_key = NULL, ended_at = :at WHERE code = :code AND ended_at IS NULL")
                .param("at", Timestamp.from(at)).param("code", code).update() == 1;
    }

    /**
     * Records the eligibility the partner is about to be told, if it was last told {@code was}:
     * of two reviews racing over the same change (two rescorings' listeners), only one succeeds.
     */
    boolean told(String code, boolean was, boolean eligible) {
        return jdbc.sql("UPDATE dci_subscription SET last_eligible = :eligible WHERE code = :code AND last_eligible = :was")
                .param("eligible", flag(eligible)).param("was", flag(was)).param("code", code).update() == 1;
    }

    /**
     * The partner was not told what the notification (given up, this delivery) said: the
     * eligibility it was last told is again the one before, so that the next review of the
     * subscription tells the change again. Not if another notification of it is still pending
     * (a later change, which tells the partner the latest), nor once the subscription ended.
     */
    void untold(String code, String delivery) {
        jdbc.sql("""
                UPDATE dci_subscription SET last_eligible = CASE last_eligible WHEN 'Y' THEN 'N' ELSE 'Y' END
                WHERE code = :code AND ended_at IS NULL AND NOT EXISTS (
                    SELECT 1 FROM dci_delivery d WHERE d.subscription_code = :code AND d.status = 'PENDING' AND d.id <> :delivery)""")
                .param("code", code).param("delivery", delivery).update();
    }

    /** The active subscriptions of any of the households, in code order within each list of ids. */
    List<Subscription> activeOf(Collection<HouseholdId> households) {
        List<Subscription> active = new ArrayList<>();
        for (List<String> ids : HouseholdRowsDeletion.idLists(households)) {
            active.addAll(jdbc.sql(SELECT + "WHERE s.household_id IN (:ids) AND s.ended_at IS NULL ORDER BY s.code")
                    .param("ids", ids).query(DciSubscriptions::subscription).list());
        }
        return active;
    }

    /** Up to {@code limit} active subscriptions whose programme scores with the model version, after {@code after} in code order. */
    List<Subscription> activeUnderModel(String modelVersion, @Nullable String after, int limit) {
        // Oracle reads '' as NULL, so the first page has no lower bound rather than an empty one.
        var query = jdbc.sql(SELECT + "JOIN programme p ON p.code = s.programme "
                + "WHERE p.model_version = :version AND s.ended_at IS NULL" + (after == null ? "" : " AND s.code > :after")
                + " ORDER BY s.code FETCH FIRST :limit ROWS ONLY")
                .param("version", modelVersion).param("limit", limit);
        if (after != null) {
            query = query.param("after", after);
        }
        return query.query(DciSubscriptions::subscription).list();
    }

    /** Up to {@code limit} active subscriptions of a programme, after {@code after} in code order. */
    List<Subscription> activeOfProgramme(String programme, @Nullable String after, int limit) {
        // Oracle reads '' as NULL, so the first page has no lower bound rather than an empty one.
        var query = jdbc.sql(SELECT + "WHERE s.programme = :programme AND s.ended_at IS NULL"
                + (after == null ? "" : " AND s.code > :after") + " ORDER BY s.code FETCH FIRST :limit ROWS ONLY")
                .param("programme", programme).param("limit", limit);
        if (after != null) {
            query = query.param("after", after);
        }
        return query.query(DciSubscriptions::subscription).list();
    }

    /** Up to {@code limit} active subscriptions under an agreement, after {@code after} in code order. */
    List<Subscription> activeOfAgreement(AgreementId agreement, @Nullable String after, int limit) {
        // Oracle reads '' as NULL, so the first page has no lower bound rather than an empty one.
        var query = jdbc.sql(SELECT + "WHERE s.agreement_id = :agreement AND s.ended_at IS NULL"
                + (after == null ? "" : " AND s.code > :after") + " ORDER BY s.code FETCH FIRST :limit ROWS ONLY")
                .param("agreement", agreement.value()).param("limit", limit);
        if (after != null) {
            query = query.param("after", after);
        }
        return query.query(DciSubscriptions::subscription).list();
    }

    private static String activeKey(AgreementId agreement, HouseholdId household, String programme, Purpose purpose) {
        return agreement.value() + "|" + household + "|" + programme + "|" + purpose.name();
    }

    private static String flag(boolean value) {
        return value ? "Y" : "N";
    }

    private static Subscription subscription(ResultSet rs, int row) throws SQLException {
        return new Subscription(rs.getString(1), AgreementId.of(rs.getString(2)), HouseholdId.of(rs.getString(3)),
                rs.getString(4), Purpose.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7),
                "Y".equals(rs.getString(8)), rs.getTimestamp(9) == null);
    }
}
