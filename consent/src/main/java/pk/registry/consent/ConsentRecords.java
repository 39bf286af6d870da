package pk.registry.consent;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.HouseholdRowsDeletion;
import pk.registry.kernel.Purpose;

/**
 * Consent records and their per-purpose status history ({@code consent_record},
 * {@code consent_status}). A record lists the purposes given with it; only later changes add
 * status rows.
 */
@Repository
class ConsentRecords {

    private static final String PURPOSE_SEPARATOR = ";";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ConsentRecords(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** A consent record to insert. */
    record NewRecord(UUID id, HouseholdId household, String policyVersion, Set<Purpose> purposes, ConsentMethod method,
            @Nullable String collector, Instant givenAt) {
    }

    /** Inserts the records in one batch. */
    void insertAll(List<NewRecord> records) {
        batch.batchUpdate("""
                INSERT INTO consent_record (id, household_id, policy_version, purposes, method, collector, given_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", records, records.size(), (statement, record) -> {
            statement.setString(1, record.id().toString());
            statement.setString(2, record.household().toString());
            statement.setString(3, record.policyVersion());
            statement.setString(4, record.purposes().stream().map(Purpose::name).sorted()
                    .collect(Collectors.joining(PURPOSE_SEPARATOR)));
            statement.setString(5, record.method().name());
            statement.setString(6, record.collector());
            statement.setTimestamp(7, Timestamp.from(record.givenAt()));
        });
    }

    /** The household's records, oldest first, each with every purpose's current status. */
    List<ConsentRecord> ofHousehold(HouseholdId household) {
        return jdbc.sql("""
                SELECT id, policy_version, purposes, method, given_at FROM consent_record
                WHERE household_id = :household ORDER BY given_at, id""")
                .param("household", household.toString())
                .query((rs, row) -> new Row(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3),
                        ConsentMethod.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant()))
                .list().stream()
                .map(row -> new ConsentRecord(row.id(), row.policyVersion(), statuses(row), row.method(), row.givenAt()))
                .toList();
    }

    /**
     * Locks the household's records until the caller's transaction ends: of two changes of its
     * consent at once, the second reads what the first left (a withdrawal is then withdrawn once).
     */
    void lockOf(HouseholdId household) {
        jdbc.sql("SELECT id FROM consent_record WHERE household_id = :household FOR UPDATE")
                .param("household", household.toString()).query(String.class).list();
    }

    /** How many records each of the households has. */
    Map<HouseholdId, Integer> countFor(Collection<HouseholdId> households) {
        return HouseholdRowsDeletion.count(jdbc, "consent_record", "household_id", households);
    }

    /** Deletes every record of the households with its status history. */
    void eraseFor(Collection<HouseholdId> households) {
        for (List<String> ids : HouseholdRowsDeletion.idLists(households)) {
            jdbc.sql("DELETE FROM consent_status WHERE consent_id IN (SELECT id FROM consent_record WHERE household_id IN (:ids))")
                    .param("ids", ids).update();
        }
        HouseholdRowsDeletion.delete(jdbc, "consent_record", "household_id", households);
    }

    /** Appends a status change of one purpose of a record. */
    void appendStatus(UUID consentId, Purpose purpose, ConsentStatus status, Instant at) {
        jdbc.sql("INSERT INTO consent_status (consent_id, purpose_code, status, changed_at) VALUES (:id, :purpose, :status, :at)")
                .param("id", consentId.toString()).param("purpose", purpose.name()).param("status", status.name())
                .param("at", Timestamp.from(at)).update();
    }

    /** The purposes given with the record, then every later change in order. */
    private Map<Purpose, ConsentStatus> statuses(Row row) {
        Map<Purpose, ConsentStatus> statuses = new LinkedHashMap<>();
        row.purposes().forEach(purpose -> statuses.put(purpose, ConsentStatus.GIVEN));
        jdbc.sql("SELECT purpose_code, status FROM consent_status WHERE consent_id = :id ORDER BY changed_at, status")
                .param("id", row.id().toString())
                .query(rs -> {
                    statuses.put(Purpose.valueOf(rs.getString(1)), ConsentStatus.valueOf(rs.getString(2)));
                });
        return statuses;
    }

    /** A record's columns; its purposes in the order stored. */
    private record Row(UUID id, String policyVersion, List<Purpose> purposes, ConsentMethod method, Instant givenAt) {
        Row(UUID id, String policyVersion, String purposes, ConsentMethod method, Instant givenAt) {
            this(id, policyVersion, Arrays.stream(purposes.split(PURPOSE_SEPARATOR)).map(Purpose::valueOf).toList(),
                    method, givenAt);
        }
    }
}
