package pk.registry.kernel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Callers that must not overlap take turns through the database, on every node alike. A quota
 * counted before its insert (an applicant's conflicts, a mobile's codes, an officer's running
 * imports) lets callers racing at its edge all pass, forty at once as easily as two; a caller that
 * first takes the turn of its key, in the transaction that counts and inserts, counts only once
 * the caller before it has committed or rolled back. A turn is one of a fixed set of rows
 * ({@code serial_turn}, {@value #STRIPES}) that the key hashes to: nothing of the key is stored,
 * and two keys that share a row only wait for each other a moment.
 */
@Component
public class Turns {

    /** The rows V26 creates. */
    static final int STRIPES = 1000;

    private final JdbcClient jdbc;

    Turns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Waits for the turn of the key and holds it until the caller's transaction ends.
     * @param scope what the turn is for, e.g. {@code otp}
     * @param key whose turn within the scope (a token, a client id)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void take(String scope, String key) {
        int stripe = Math.floorMod((scope + ":" + key).hashCode(), STRIPES);
        if (jdbc.sql("SELECT stripe FROM serial_turn WHERE stripe = :stripe FOR UPDATE").param("stripe", stripe)
                .query(Integer.class).optional().isEmpty()) {
            throw new IllegalStateException("the turns' rows are missing: migration V26 creates them");
        }
    }
}
