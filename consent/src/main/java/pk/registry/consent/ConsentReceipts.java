package pk.registry.consent;

import java.util.List;
import java.util.Map;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

import pk.registry.kernel.HouseholdId;

/**
 * Signed consent receipts: a JWS (RS256, the service's signing key, verifiable through
 * {@code /oauth2/jwks}) whose claims follow the Kantara Initiative consent-receipt
 * specification: receipt id, timestamp, policy version and hash, controller, purposes with
 * their legal basis and data categories, collection method. The principal is the household's
 * pseudonymous id, never a name or CNIC. A receipt states the consent as it was given: it is
 * derived from the frozen record alone (a later withdrawal is in the record's status history,
 * not in its receipt), so it reads the same every time it is fetched.
 */
@Component
class ConsentReceipts {

    static final String CONTROLLER = "Socio-economic registry (operator of this service)";

    private final JwtEncoder signer;
    private final PolicyVersions policies;
    private final PurposeCatalogue catalogue;

    ConsentReceipts(JwtEncoder signer, PolicyVersions policies, PurposeCatalogue catalogue) {
        this.signer = signer;
        this.policies = policies;
        this.catalogue = catalogue;
    }

    /** The compact JWS of a consent record's receipt. */
    String receipt(HouseholdId household, ConsentRecord record) {
        var version = policies.find(record.policyVersion()).orElseThrow();
        List<Map<String, Object>> purposes = record.purposes().keySet().stream()
                .map(given -> {
                    var purpose = catalogue.entry(given);
                    return Map.<String, Object>of("purpose", purpose.code().name(),
                            "purposeDescription", purpose.description(),
                            "legalBasis", purpose.legalBasis().name(), "dpvLegalBasis", purpose.dpvLegalBasis(),
                            "dataCategories", purpose.dataCategories().stream().map(Enum::name).sorted().toList());
                })
                .toList();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .id(record.id().toString())
                .issuedAt(record.givenAt())
                .subject(household.toString())
                .claim("version", "KI-CR-v1.1.0")
                .claim("policyVersion", version.version())
                .claim("policyTextSha256", version.textSha256())
                .claim("piiControllers", List.of(Map.of("piiController", CONTROLLER)))
                .claim("collectionMethod", record.method().name())
                .claim("purposes", purposes)
                .build();
        return signer.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }
}
