package pk.registry.household;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import pk.registry.kernel.HouseholdId;
import pk.registry.keys.BlindIndex;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each applicant's {@code Idempotency-Key}s ({@code idempotency_key}): the key, a keyed hash of
 * the request it came with (never the request) and the household it created. The primary key
 * (owner, key) makes two concurrent uses of one key store one household.
 */
@Repository
class IdempotencyKeys {

    private final JdbcClient jdbc;
    private final BlindIndex blindIndex;
    private final JsonMapper json;

    IdempotencyKeys(JdbcClient jdbc, BlindIndex blindIndex, JsonMapper json) {
        this.jdbc = jdbc;
        this.blindIndex = blindIndex;
        this.json = json;
    }

    /** An earlier use of a key. */
    record Use(String requestHash, HouseholdId household) {
    }

    /** A keyed hash of the request's content: equal requests, equal hashes; nothing recoverable. */
    String requestHash(List<?> request) {
        return blindIndex.of(BlindIndex.Domain.REQUEST, json.writeValueAsString(request));
    }

    Optional<Use> find(String ownerToken, String key) {
        return jdbc.sql("SELECT request_hash, household_id FROM idempotency_key WHERE owner_token = :owner AND idem_key = :key")
                .param("owner", ownerToken).param("key", key)
                .query((rs, row) -> new Use(rs.getString(1), HouseholdId.of(rs.getString(2)))).optional();
    }

    /**
     * @throws org.springframework.dao.DuplicateKeyException if the owner used the key before (a concurrent request)
     */
    void remember(String ownerToken, String key, String requestHash, HouseholdId household, Instant at) {
        jdbc.sql("""
                INSERT INTO idempotency_key (owner_token, idem_key, request_hash, household_id, created_at)
                VALUES (:owner, :key, :hash, :household, :at)""")
                .param("owner", ownerToken).param("key", key).param("hash", requestHash)
                .param("household", household.toString()).param("at", Timestamp.from(at)).update();
    }
}
