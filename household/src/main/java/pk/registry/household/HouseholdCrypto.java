package pk.registry.household;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import org.springframework.stereotype.Component;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.Random;

import pk.registry.kernel.HouseholdId;
import pk.registry.keys.KeyMaterialException;
import pk.registry.keys.RegistryKeyring;
import tools.jackson.databind.json.JsonMapper;

/**
 * Envelope encryption of a household: each household has its own random AES-256-GCM data
 * key, kept only wrapped by the master key (a Tink AEAD keyset that can be rotated; the
 * wrapping is bound to the household id). A data key lives and dies with its household, so
 * it is a bare key rather than a keyset of its own: making a keyset per household cost more
 * than sealing the household. Each part (contact, circumstances, the members) is sealed
 * separately, bound to household and slot, so ciphertexts cannot be swapped between
 * households or rows. Destroying the wrapped key makes every copy of the household
 * unreadable.
 */
@Component
class HouseholdCrypto {

    private static final int DATA_KEY_BYTES = 32;

    private final RegistryKeyring keyring;
    private final JsonMapper json;

    HouseholdCrypto(RegistryKeyring keyring, JsonMapper json) {
        this.keyring = keyring;
        this.json = json;
    }

    /** A household's data key, ready to seal and open. */
    record DataKey(Aead aead, byte[] wrapped, int masterKeyId) {
        @Override
        public String toString() {
            return "DataKey[master " + masterKeyId + "]";
        }
    }

    /** A new random AES-256-GCM key for the household, and its copy wrapped by the master key. */
    DataKey newDataKey(HouseholdId householdId) {
        byte[] key = Random.randBytes(DATA_KEY_BYTES);
        try {
            byte[] wrapped = keyring.masterKey().encrypt(key, context(householdId, "data-key"));
            return new DataKey(new AesGcmJce(key), wrapped, keyring.masterKeyId());
        }
        catch (GeneralSecurityException ex) {
            throw new KeyMaterialException("a data key cannot be created", ex);
        }
        finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    DataKey unwrap(HouseholdId householdId, byte[] wrapped, int masterKeyId) {
        byte[] key = null;
        try {
            key = keyring.masterKey().decrypt(wrapped, context(householdId, "data-key"));
            return new DataKey(new AesGcmJce(key), wrapped, masterKeyId);
        }
        catch (GeneralSecurityException ex) {
            throw new KeyMaterialException("a data key cannot be unwrapped", ex);
        }
        finally {
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }

    byte[] seal(DataKey key, HouseholdId householdId, String slot, Object payload) {
        try {
            return key.aead().encrypt(json.writeValueAsBytes(payload), context(householdId, slot));
        }
        catch (GeneralSecurityException ex) {
            throw new KeyMaterialException("a payload cannot be sealed", ex);
        }
    }

    <T> T open(DataKey key, HouseholdId householdId, String slot, byte[] sealed, Class<T> type) {
        try {
            return json.readValue(key.aead().decrypt(sealed, context(householdId, slot)), type);
        }
        catch (GeneralSecurityException ex) {
            throw new KeyMaterialException("a payload cannot be opened", ex);
        }
    }

    private static byte[] context(HouseholdId householdId, String slot) {
        return (householdId + "|" + slot).getBytes(StandardCharsets.UTF_8);
    }
}
