package pk.registry.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.prf.PrfSet;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;

import pk.registry.kernel.HouseholdId;
import pk.registry.keys.RegistryKeyring;

/**
 * Deletion certificates are signed with the key set's Ed25519 key when it holds one (an erasure
 * run signs thousands), else its RSA key, and verify with the public key the header names.
 */
class CertificatesTests {

    private static final ErasureRequest REQUEST = new ErasureRequest(UUID.randomUUID(), HouseholdId.newId(),
            ErasureStatus.APPROVED, Instant.parse("2026-11-01T10:00:00Z"), Instant.parse("2026-11-02T10:00:00Z"), null,
            null, null, null, null);
    private static final Instant ERASED_AT = Instant.parse("2026-11-03T10:00:00Z");

    @Test
    void anEd25519KeySignsWhenTheSetHoldsOne() throws Exception {
        JWK rsa = new RSAKeyGenerator(2048).keyID("rsa").generate();
        JWK ed25519 = new OctetKeyPairGenerator(Curve.Ed25519).keyID("ed").generate();

        JWSObject certificate = JWSObject.parse(certificates(rsa, ed25519).certify(REQUEST, Map.of("households", 1), ERASED_AT));

        assertThat(certificate.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.EdDSA);
        assertThat(certificate.getHeader().getKeyID()).isEqualTo("ed");
        assertThat(certificate.verify(new Ed25519Verifier(ed25519.toOctetKeyPair().toPublicJWK()))).isTrue();
        assertStatesTheErasure(certificate);
    }

    @Test
    void theRsaKeySignsWhenThereIsNoEd25519Key() throws Exception {
        JWK rsa = new RSAKeyGenerator(2048).keyID("rsa").generate();

        JWSObject certificate = JWSObject.parse(certificates(rsa).certify(REQUEST, Map.of("households", 1), ERASED_AT));

        assertThat(certificate.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(certificate.getHeader().getKeyID()).isEqualTo("rsa");
        assertThat(certificate.verify(new RSASSAVerifier(rsa.toRSAKey().toPublicJWK()))).isTrue();
        assertStatesTheErasure(certificate);
    }

    @Test
    void anotherKeyDoesNotVerifyIt() throws Exception {
        JWK ed25519 = new OctetKeyPairGenerator(Curve.Ed25519).keyID("ed").generate();
        JWK other = new OctetKeyPairGenerator(Curve.Ed25519).keyID("ed").generate();

        JWSObject certificate = JWSObject.parse(certificates(ed25519).certify(REQUEST, Map.of(), ERASED_AT));
        JWSVerifier verifier = new Ed25519Verifier(other.toOctetKeyPair().toPublicJWK());

        assertThat(certificate.verify(verifier)).isFalse();
    }

    private static void assertStatesTheErasure(JWSObject certificate) {
        Map<String, Object> claims = certificate.getPayload().toJSONObject();
        assertThat(claims).containsEntry("sub", REQUEST.household().toString())
                .containsEntry("type", "deletion-certificate")
                .containsEntry("erasureRequest", REQUEST.id().toString())
                .containsEntry("erasedAt", ERASED_AT.toString())
                .containsEntry("iss", "https://registry.example.org")
                .containsEntry("erased", Map.of("households", 1L));
        assertThat((List<?>) claims.get("kept")).hasSize(Certificates.KEPT.size());
    }

    private static Certificates certificates(JWK... keys) {
        JWKSet set = new JWKSet(List.of(keys));
        RegistryKeyring keyring = new RegistryKeyring() {
            @Override
            public Aead masterKey() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int masterKeyId() {
                throw new UnsupportedOperationException();
            }

            @Override
            public PrfSet blindIndexKey() {
                throw new UnsupportedOperationException();
            }

            @Override
            public JWKSet signingKeys() {
                return set;
            }
        };
        return new Certificates(keyring, new RetentionProperties(null, 500, URI.create("https://registry.example.org")));
    }
}
