package pk.registry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.sun.net.httpserver.HttpServer;

import pk.registry.Http;
import pk.registry.RegistryIntegrationTest;

/**
 * The service trusts an external identity provider (a stand-in on the loopback address that
 * publishes its discovery document and keys) for a configured audience: the provider's tokens
 * for that audience are accepted, those without an audience or for another service are 401,
 * and the service's own tokens must name the same audience.
 */
@RegistryIntegrationTest
class ExternalIssuerTokenRulesIntegrationTests {

    private static final String AUDIENCE = "https://registry.example.pk/api";
    private static final String ADMIN_ROUTE = "/api/v1/admin/programmes";
    private static final RSAKey PROVIDER_KEY = providerKey();
    private static final HttpServer PROVIDER = provider();
    private static final String PROVIDER_ISSUER = "http://127.0.0.1:" + PROVIDER.getAddress().getPort() + "/realms/registry";

    @DynamicPropertySource
    static void trustTheProvider(DynamicPropertyRegistry properties) {
        properties.add("registry.identity.external-issuer", () -> PROVIDER_ISSUER);
        properties.add("registry.identity.audience", () -> AUDIENCE);
    }

    @AfterAll
    static void stopTheProvider() {
        PROVIDER.stop(0);
    }

    @Autowired
    Http http;

    @Autowired
    JwtEncoder ownKey;

    @Autowired
    Environment environment;

    private final JwtEncoder providerSigner = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(PROVIDER_KEY)));

    @Test
    void theProvidersTokenForThisServiceIsAccepted() {
        assertThat(call(providerToken(claims -> { })).statusCode()).isEqualTo(200);
    }

    @Test
    void theProvidersTokenWithoutAnAudienceIsRefused() {
        assertUnauthorized(call(providerToken(claims -> claims.claims(all -> all.remove("aud")))));
    }

    @Test
    void theProvidersTokenForAnotherServiceIsRefused() {
        assertUnauthorized(call(providerToken(claims -> claims.audience(List.of("https://pension.example.pk")))));
    }

    @Test
    void theServicesOwnTokensMustNameTheConfiguredAudienceToo() {
        assertThat(http.audience()).isEqualTo(AUDIENCE);
        assertThat(http.send(http.request("/api/v1/me/data")
                .header("Authorization", "Bearer " + http.applicantToken("+923001112299")).GET()).statusCode())
                .isNotEqualTo(401);

        String ownIssuer = environment.getProperty("registry.identity.issuer");
        Instant now = Instant.now();
        String forTheIssuer = ownKey.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(),
                JwtClaimsSet.builder().issuer(ownIssuer).subject("+923001112299").audience(List.of(ownIssuer))
                        .issuedAt(now).expiresAt(now.plusSeconds(300)).claim("roles", List.of("APPLICANT")).build()))
                .getTokenValue();
        assertUnauthorized(http.getAs(forTheIssuer, "/api/v1/me/data"));
    }

    private String providerToken(Consumer<JwtClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer(PROVIDER_ISSUER).subject("admin-under-test")
                .audience(List.of(AUDIENCE)).issuedAt(now).expiresAt(now.plusSeconds(300)).id(UUID.randomUUID().toString())
                .claim("roles", List.of("ADMIN"));
        change.accept(claims);
        return providerSigner.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256)
                .keyId(PROVIDER_KEY.getKeyID()).build(), claims.build())).getTokenValue();
    }

    private HttpResponse<String> call(String token) {
        return http.getAs(token, ADMIN_ROUTE);
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).doesNotContain("admin-under-test");
    }

    private static RSAKey providerKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("provider-key").keyUse(KeyUse.SIGNATURE).generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The provider's discovery document and public keys, as an OpenID provider publishes them. */
    private static HttpServer provider() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/registry";
            server.createContext("/realms/registry/.well-known/openid-configuration", exchange -> respond(exchange,
                    "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/keys\","
                            + "\"id_token_signing_alg_values_supported\":[\"RS256\"],\"subject_types_supported\":[\"public\"],"
                            + "\"response_types_supported\":[\"code\"],\"authorization_endpoint\":\"" + issuer + "/auth\"}"));
            server.createContext("/realms/registry/keys", exchange -> respond(exchange,
                    new JWKSet(PROVIDER_KEY.toPublicJWK()).toString()));
            server.start();
            return server;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
