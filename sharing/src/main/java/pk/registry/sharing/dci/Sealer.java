package pk.registry.sharing.dci;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import org.springframework.stereotype.Component;

import pk.registry.keys.RegistryKeyring;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seals what the registry keeps of an answer until it is delivered, and the ids a partner chose
 * that a status request must carry back: AEAD under the master key, with associated data that
 * names what was sealed for which row (an envelope: the transaction's correlation id; an id: its
 * column and row), so that a sealed value opens only as the one it was sealed for.
 */
@Component
class Sealer {

    private final RegistryKeyring keyring;

    Sealer(RegistryKeyring keyring) {
        this.keyring = keyring;
    }

    byte[] seal(JsonNode envelope, String correlationId) {
        return encrypt(Json.bytes(envelope), correlationId, "an answer");
    }

    /** @throws IllegalStateException if the envelope was not sealed for this correlation id, or was changed */
    ObjectNode open(byte[] sealed, String correlationId) {
        return (ObjectNode) Json.MAPPER.readTree(decrypt(sealed, correlationId, "a sealed answer"));
    }

    /**
     * Seals a text a partner chose for the row {@code boundTo} names (e.g.
     * {@code dci_reference.reference_id|{correlation id}|{item}}).
     */
    byte[] sealText(String text, String boundTo) {
        return encrypt(text.getBytes(StandardCharsets.UTF_8), boundTo, "a partner's id");
    }

    /** @throws IllegalStateException if the text was not sealed for this row, or was changed */
    String openText(byte[] sealed, String boundTo) {
        return new String(decrypt(sealed, boundTo, "a sealed partner's id"), StandardCharsets.UTF_8);
    }

    private byte[] encrypt(byte[] plain, String associatedData, String what) {
        try {
            return keyring.masterKey().encrypt(plain, associatedData.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(what + " cannot be sealed", ex);
        }
    }

    private byte[] decrypt(byte[] sealed, String associatedData, String what) {
        try {
            return keyring.masterKey().decrypt(sealed, associatedData.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(what + " does not open", ex);
        }
    }
}
