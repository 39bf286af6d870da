package pk.registry.consent;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consent records: what a household agreed to, under which policy version, how and when.
 * A record is frozen once given.
 */
@Service
public class ConsentManagement {

    private final JdbcClient jdbc;

    ConsentManagement(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A recorded consent as its household may see it. */
    public record ConsentRecord(UUID id, String policyVersion, List<String> purposes, ConsentMethod method,
            Instant givenAt) {
    }

    /** Records consent given with a household, inside the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID recordGiven(UUID householdId, ConsentForm consent, ConsentMethod method, @Nullable String collector,
            Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO consent_record (id, household_id, policy_version, purposes, method, collector, given_at)
                VALUES (:id, :household, :version, :purposes, :method, :collector, :at)""")
                .param("id", id.toString()).param("household", householdId.toString())
                .param("version", consent.policyVersion())
                .param("purposes", String.join(";", consent.purposes().stream().distinct().sorted().toList()))
                .param("method", method.name()).param("collector", collector).param("at", Timestamp.from(at))
                .update();
        return id;
    }

    @Transactional(readOnly = true)
    public List<ConsentRecord> of(UUID householdId) {
        return jdbc.sql("""
                SELECT id, policy_version, purposes, method, given_at FROM consent_record
                WHERE household_id = :household ORDER BY given_at""")
                .param("household", householdId.toString())
                .query((rs, row) -> new ConsentRecord(UUID.fromString(rs.getString(1)), rs.getString(2),
                        List.of(rs.getString(3).split(";")), ConsentMethod.valueOf(rs.getString(4)),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }
}
