package pk.registry.household;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import pk.registry.keys.KeyMaterialException;
import pk.registry.keys.RegistryKeyring;
import tools.jackson.databind.json.JsonMapper;

/**
 * Envelope encryption of a household: each household has its own AES-256-GCM data key, kept
 * only wrapped by the master key (bound to the household id). Each category of answers is
 * sealed separately, bound to household, row and slot, so ciphertexts cannot be swapped
 * between rows. Destroying the wrapped key makes every copy of the household unreadable.
 */
@Component
class HouseholdCrypto {

    private final RegistryKeyring keyring;
    private final JsonMapper json;

    HouseholdCrypto(RegistryKeyring keyring, JsonMapper json) {
        this.keyring = keyring;
        this.json = json;
    }

    /** A household's data key, ready to seal and open. */
    record DataKey(Aead aead, String wrapped, int masterKeyId) {
        @Override
        public String toString() {
            return "DataKey[master " + masterKeyId + "]";
        }
    }

    DataKey newDataKey(UUID householdId) {
        try {
            KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            byte[] wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(handle, keyring.masterKey(),
                    context(householdId, "data-key"));
            return new DataKey(handle.getPrimitive(RegistryConfiguration.get(), Aead.class),
                    Base64.getEncoder().encodeToString(wrapped), keyring.masterKeyId());
        }
        catch (GeneralSecurityException ex) {
            throw new KeyMaterialException("a data key cannot be created", ex);
        }
    }

    DataKey unwrap(UUID householdId, String wrapped, int masterKeyId) {
        try {
            KeysetHandle handle = TinkProtoKeysetFormat.parseEncryptedKeyset(Base64.getDecoder().decode(wrapped),
                    keyring.masterKey(), context(householdId, "data-key"));
            return new DataKey(handle.getPrimitive(RegistryConfiguration.get(), Aead.class), wrapped, masterKeyId);
        }
        catch (GeneralSecurityException ex) {
            throw new KeyMaterialException("a data key cannot be unwrapped", ex);
        }
    }

    String seal(DataKey key, UUID householdId, String slot, Object payload) {
        try {
            byte[] ciphertext = key.aead().encrypt(json.writeValueAsBytes(payload), context(householdId, slot));
            return Base64.getEncoder().encodeToString(ciphertext);
        }
        catch (GeneralSecurityException ex) {
            throw new KeyMaterialException("a payload cannot be sealed", ex);
        }
    }

    <T> T open(DataKey key, UUID householdId, String slot, String sealed, Class<T> type) {
        try {
            return json.readValue(key.aead().decrypt(Base64.getDecoder().decode(sealed), context(householdId, slot)), type);
        }
        catch (GeneralSecurityException ex) {
            throw new KeyMaterialException("a payload cannot be opened", ex);
        }
    }

    private static byte[] context(UUID householdId, String slot) {
        return (householdId + "|" + slot).getBytes(StandardCharsets.UTF_8);
    }
}
