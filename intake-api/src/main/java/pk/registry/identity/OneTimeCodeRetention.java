package pk.registry.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.RetentionCategory;

/**
 * The retention category {@code oneTimeCodes}: sign-in codes are worthless once they expired;
 * their rows (a blind-index token of the mobile and a keyed hash of the code) are kept for the
 * period after expiry, for throttling, then deleted. They belong to no household, so no legal
 * hold keeps them.
 */
@Component
class OneTimeCodeRetention implements RetentionCategory {

    private final JdbcClient jdbc;

    OneTimeCodeRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "oneTimeCodes";
    }

    @Override
    public Count count(Instant cutoff, Set<HouseholdId> held) {
        return new Count(jdbc.sql("SELECT COUNT(*) FROM otp_challenge WHERE expires_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff)).query(Long.class).single(), 0);
    }

    @Override
    public int deleteBatch(Instant cutoff, Set<HouseholdId> held, int limit) {
        return jdbc.sql("""
                DELETE FROM otp_challenge WHERE id IN (
                    SELECT id FROM otp_challenge WHERE expires_at < :cutoff FETCH FIRST :limit ROWS ONLY)""")
                .param("cutoff", Timestamp.from(cutoff)).param("limit", limit).update();
    }
}
