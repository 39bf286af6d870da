package pk.registry.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Proves at start-up that the keys in use are the keys the database was written with.
 * <p>
 * The first start stores a check value per key: a ciphertext under the master key and a
 * blind-index token of a fixed text. Every later start must decrypt and recompute them;
 * a mix-up (another environment's keys, a regenerated demo key) stops the start instead of
 * producing data no one can read or duplicates no index can find.
 */
@Component
@DependsOnDatabaseInitialization
class KeyCheck implements InitializingBean {

    private static final byte[] CHECK_TEXT = "registry key check".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CHECK_CONTEXT = "key_check".getBytes(StandardCharsets.UTF_8);

    private final RegistryKeyring keyring;
    private final BlindIndex blindIndex;
    private final JdbcClient jdbc;
    private final Clock clock;

    KeyCheck(RegistryKeyring keyring, BlindIndex blindIndex, JdbcClient jdbc, Clock clock) {
        this.keyring = keyring;
        this.blindIndex = blindIndex;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        verifyOrRecord("MASTER_KEY", this::masterKeyMatches, this::masterKeyCheckValue);
        String indexToken = blindIndex.of(BlindIndex.Domain.KEY_CHECK, "registry key check");
        verifyOrRecord("BLIND_INDEX_KEY", indexToken::equals, () -> indexToken);
    }

    private void verifyOrRecord(String purpose, Predicate<String> matches,
            Supplier<String> checkValue) {
        List<String> stored = jdbc.sql("SELECT check_value FROM key_check WHERE purpose = :purpose")
                .param("purpose", purpose).query(String.class).list();
        if (stored.isEmpty()) {
            jdbc.sql("INSERT INTO key_check (purpose, check_value, created_at) VALUES (:purpose, :value, :at)")
                    .param("purpose", purpose).param("value", checkValue.get())
                    .param("at", Timestamp.from(clock.instant())).update();
        }
        else if (!matches.test(stored.get(0))) {
            throw new KeyMaterialException("the " + purpose.toLowerCase().replace('_', ' ')
                    + " does not match the data in this database; refusing to start");
        }
    }

    private boolean masterKeyMatches(String storedCiphertext) {
        try {
            byte[] plain = keyring.masterKey().decrypt(Base64.getDecoder().decode(storedCiphertext), CHECK_CONTEXT);
            return Arrays.equals(plain, CHECK_TEXT);
        }
        catch (GeneralSecurityException | IllegalArgumentException ex) {
            return false;
        }
    }

    private String masterKeyCheckValue() {
        try {
            return Base64.getEncoder().encodeToString(keyring.masterKey().encrypt(CHECK_TEXT, CHECK_CONTEXT));
        }
        catch (GeneralSecurityException ex) {
            throw new KeyMaterialException("the master key cannot encrypt", ex);
        }
    }
}
