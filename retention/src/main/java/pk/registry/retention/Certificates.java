package pk.registry.retention;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

import pk.registry.kernel.Ids;

/**
 * Deletion certificates: a JWS (RS256, the service's signing key, verifiable through
 * {@code /oauth2/jwks}) stating the request, the household's pseudonymous id, what was erased,
 * what was kept and on which legal ground, and when. It names no person.
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

    private final JwtEncoder signer;
    private final RetentionProperties properties;

    Certificates(JwtEncoder signer, RetentionProperties properties) {
        this.signer = signer;
        this.properties = properties;
    }

    /** The compact JWS certifying a carried-out erasure request. */
    String certify(ErasureRequest request, Map<String, Integer> erased, Instant erasedAt) {
        UUID id = Ids.newId();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(properties.certificateIssuer().toString())
                .id(id.toString())
                .issuedAt(erasedAt)
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
        return signer.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }
}
