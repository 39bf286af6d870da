package pk.registry.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.prf.PrfSet;
import com.nimbusds.jose.jwk.JWKSet;

/**
 * The registry's keys, as primitives that never hand out raw key bytes (except the token
 * signing keys, which the JOSE libraries need as JWKs).
 * <p>
 * The default implementation reads a key directory; a KMS or Vault implementation replaces
 * it by declaring its own bean of this type.
 */
public interface RegistryKeyring {

    /** Wraps and unwraps per-household data keys. */
    Aead masterKey();

    /** The id of the master key that wraps new data keys; stored beside each wrapped key for rotation. */
    int masterKeyId();

    /** The keyed pseudo-random function behind blind indexes and stored code hashes. */
    PrfSet blindIndexKey();

    /**
     * Private keys that sign, each published at {@code /oauth2/jwks}: the RSA key (the first one
     * when there are several) signs access tokens, consent receipts and DCI messages; an Ed25519
     * key ({@code OKP}), when the set holds one, signs deletion certificates, which an erasure run
     * signs by the thousand (about a tenth of an RSA signature's cost).
     */
    JWKSet signingKeys();
}
