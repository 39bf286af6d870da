package pk.registry.retention;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.stereotype.Component;

import pk.registry.kernel.Ids;
import pk.registry.keys.KeyMaterialException;
import pk.registry.keys.RegistryKeyring;

/**
 * Deletion certificates: a JWS stating the request, the household's pseudonymous id, what was
 * erased, what was kept and on which legal ground, and when. It names no person. Signed with the
 * service's Ed25519 key ({@code EdDSA}, RFC 8037) when its key set holds one, else its RSA key
 * ({@code RS256}); either verifies with the key of the header's {@code kid} at {@code /oauth2/jwks}.
 * An erasure run signs one per request, so the faster key is preferred.
 */
@Component
class Certificates {

    /** What erasure keeps, and why. */
    static final List<Map<String, Object>> KEPT = List.of(
            Map.of("what", "audit events", "pseudonymous", true,
                    "why", "legal obligation: accountability of every use of personal data (audit trail, kept ten years)"),
            Map.of("what", "disclosure log", "pseudonymous", true,
                    "why", "legal obligation: accountability to the household and oversight of what partners were told"),
            Map.of("what", "this erasure request and its certificate", "pseudonymous", true,
                    "why", "proof that the erasure was carried out"));

    private final JWSSigner signer;
    private final JWSHeader header;
    private final RetentionProperties properties;

    Certificates(RegistryKeyring keyring, RetentionProperties properties) {
        this.properties = properties;
        List<JWK> keys = keyring.signingKeys().getKeys().stream().filter(JWK::isPrivate).toList();
        JWK key = keys.stream().filter(candidate -> candidate instanceof OctetKeyPair pair && Curve.Ed25519.equals(pair.getCurve()))
                .findFirst()
                .or(() -> keys.stream().filter(RSAKey.class::isInstance).findFirst())
                .orElseThrow(() -> new KeyMaterialException("deletion certificates need an Ed25519 or RSA signing key"));
        try {
            this.signer = key instanceof OctetKeyPair ed25519 ? new Ed25519Signer(ed25519) : new RSASSASigner((RSAKey) key);
            this.header = new JWSHeader.Builder(key instanceof OctetKeyPair ? JWSAlgorithm.EdDSA : JWSAlgorithm.RS256)
                    .type(JOSEObjectType.JWT).keyID(key.getKeyID()).build();
        }
        catch (JOSEException ex) {
            throw new KeyMaterialException("the certificate signing key cannot be used", ex);
        }
    }

    /** The compact JWS certifying a carried-out erasure request. */
    String certify(ErasureRequest request, Map<String, Integer> erased, Instant erasedAt) {
        UUID id = Ids.newId();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(properties.certificateIssuer().toString())
                .jwtID(id.toString())
                .issueTime(Date.from(erasedAt))
                .subject(request.household().toString())
                .claim("type", "deletion-certificate")
                .claim("erasureRequest", request.id().toString())
                .claim("requestedAt", request.requestedAt().toString())
                .claim("approvedAt", String.valueOf(request.decidedAt()))
                .claim("erasedAt", erasedAt.toString())
                .claim("legalGround", "the household's own request (right to deletion), approved by the Data Protection Officer")
                .claim("erased", erased)
                .claim("cryptoShredded", "the household's data key, deleted from the database: its encrypted data there is "
                        + "unreadable; a database backup made before this erasure still holds the key, wrapped, until the "
                        + "backup expires")
                .claim("kept", KEPT)
                .build();
        SignedJWT certificate = new SignedJWT(header, claims);
        try {
            certificate.sign(signer);
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("a deletion certificate cannot be signed", ex);
        }
        return certificate.serialize();
    }
}
