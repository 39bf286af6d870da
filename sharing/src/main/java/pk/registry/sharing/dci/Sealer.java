package pk.registry.sharing.dci;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import org.springframework.stereotype.Component;

import pk.registry.keys.RegistryKeyring;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seals what the registry keeps of an answer until it is delivered: AEAD under the master key,
 * with the transaction's correlation id as associated data, so that a sealed envelope opens only
 * as the one it was sealed for.
 */
@Component
class Sealer {

    private final RegistryKeyring keyring;

    Sealer(RegistryKeyring keyring) {
        this.keyring = keyring;
    }

    byte[] seal(JsonNode envelope, String correlationId) {
        try {
            return keyring.masterKey().encrypt(Json.bytes(envelope), correlationId.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("an answer cannot be sealed", ex);
        }
    }

    /** @throws IllegalStateException if the envelope was not sealed for this correlation id, or was changed */
    ObjectNode open(byte[] sealed, String correlationId) {
        try {
            byte[] plain = keyring.masterKey().decrypt(sealed, correlationId.getBytes(StandardCharsets.UTF_8));
            return (ObjectNode) Json.MAPPER.readTree(plain);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("a sealed answer does not open", ex);
        }
    }
}
