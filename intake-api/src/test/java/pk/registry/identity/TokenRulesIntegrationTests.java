package pk.registry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

import pk.registry.Http;
import pk.registry.RegistryIntegrationTest;

/**
 * Tokens the service must refuse, signed with its own key unless the point is the signature:
 * no expiry, two roles, an unknown role, {@code alg: none}, a tampered payload, expired, another
 * issuer, no audience or another service's. A well-formed token of the same shape is the control.
 * The same rules for an external identity provider: {@link ExternalIssuerTokenRulesIntegrationTests}.
 */
@RegistryIntegrationTest
class TokenRulesIntegrationTests {

    private static final String ADMIN_ROUTE = "/api/v1/admin/programmes";

    @Autowired
    Http http;

    @Autowired
    JwtEncoder encoder;

    @Autowired
    Environment environment;

    @Test
    void aWellFormedTokenIsAccepted() {
        assertThat(call(token(claims -> { })).statusCode()).isEqualTo(200);
    }

    /**
     * Regression: two bearer tokens in two Authorization headers were answered as the first
     * one's caller, where a gateway in front may have checked the second.
     */
    @Test
    void twoAuthorizationHeadersAreABadRequestOnEveryRoute() {
        String admin = token(claims -> { });
        HttpResponse<String> response = http.send(http.request(ADMIN_ROUTE).header("Authorization", "Bearer " + admin)
                .header("Authorization", "Bearer " + http.clientToken("demo-auditor")).GET());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(http.json(response).get("errors").get(0).get("field").asString()).isEqualTo("Authorization");
        assertThat(response.body()).doesNotContain(admin);
        assertThat(http.send(http.request(ADMIN_ROUTE).header("Authorization", "Bearer " + admin)
                .header("Authorization", "Bearer " + admin).GET()).statusCode()).isEqualTo(400);
        String partner = http.clientToken("demo-partner");
        assertThat(http.send(http.request("/registry/sync/search").header("Authorization", "Bearer " + partner)
                .header("Authorization", "Bearer " + partner).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))).statusCode()).isEqualTo(400);
    }

    @Test
    void aTokenWithoutAnExpiryIsRefused() {
        String issuer = environment.getProperty("registry.identity.issuer");
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(),
                JwtClaimsSet.builder().issuer(issuer).subject("admin-without-expiry").audience(List.of(http.audience()))
                        .issuedAt(Instant.now()).claim("roles", List.of("ADMIN")).build())).getTokenValue();

        assertUnauthorized(call(token));
    }

    @Test
    void aTokenWithTwoRolesIsRefused() {
        assertUnauthorized(call(token(claims -> claims.claim("roles", List.of("ADMIN", "APPLICANT")))));
    }

    @Test
    void anUnknownRoleGrantsNothing() {
        HttpResponse<String> response = call(token(claims -> claims.claim("roles", List.of("SUPERUSER"))));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String[] parts = token(claims -> { }).split("\\.");
        String none = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";

        assertUnauthorized(call(none));
    }

    @Test
    void aTamperedTokenIsRefused() {
        String[] parts = token(claims -> claims.claim("roles", List.of("APPLICANT"))).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("APPLICANT", "ADMIN");

        assertUnauthorized(call(parts[0] + "." + encode(payload) + "." + parts[2]));
    }

    @Test
    void anExpiredTokenIsRefused() {
        Instant past = Instant.now().minusSeconds(3_600);

        assertUnauthorized(call(token(claims -> claims.issuedAt(past.minusSeconds(600)).expiresAt(past))));
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        assertUnauthorized(call(token(claims -> claims.issuer("https://issuer.example.org"))));
    }

    @Test
    void theServiceIsItsOwnAudienceByDefault() {
        assertThat(http.audience()).isEqualTo(environment.getProperty("registry.identity.issuer")).isNotBlank();
    }

    @Test
    void aTokenWithoutAnAudienceIsRefused() {
        assertUnauthorized(call(token(claims -> claims.claims(all -> all.remove("aud")))));
    }

    @Test
    void aTokenForAnotherServiceIsRefused() {
        assertUnauthorized(call(token(claims -> claims.audience(List.of("https://pension.example.org")))));
    }

    @Test
    void aTokenOfTheEmbeddedAuthorizationServerNamesTheServiceAsItsAudienceAndIsAccepted() {
        String token = http.clientToken("demo-admin");
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);

        var audience = http.json(payload).get("aud"); // one audience is written as a string (RFC 7519 4.1.3)
        assertThat(audience.isArray() ? audience.size() : 1).isEqualTo(1);
        assertThat(audience.isArray() ? audience.get(0).asString() : audience.asString()).isEqualTo(http.audience());
        assertThat(call(token).statusCode()).isEqualTo(200);
    }

    private String token(Consumer<JwtClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer(environment.getProperty("registry.identity.issuer"))
                .subject("admin-under-test").audience(List.of(http.audience())).issuedAt(now).expiresAt(now.plusSeconds(300)).id(UUID.randomUUID().toString())
                .claim("roles", List.of("ADMIN"));
        change.accept(claims);
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims.build()))
                .getTokenValue();
    }

    private HttpResponse<String> call(String token) {
        return http.getAs(token, ADMIN_ROUTE);
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("admin-under-test");
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
