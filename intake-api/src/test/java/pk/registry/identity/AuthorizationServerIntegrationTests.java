package pk.registry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pk.registry.Http;
import pk.registry.RegistryIntegrationTest;
import tools.jackson.databind.JsonNode;

/** The embedded authorization server issues client-credentials tokens that carry the client's role and scope. */
@RegistryIntegrationTest
class AuthorizationServerIntegrationTests {

    @Autowired
    Http http;

    @Test
    void demoClientsGetTokensWithTheirRoleDistrictsAndAgreement() {
        JsonNode officer = claims(http.clientToken("demo-field-officer"));
        assertThat(officer.get("roles").get(0).asString()).isEqualTo("FIELD_OFFICER");
        assertThat(officer.get("districts").get(0).asString()).isEqualTo("Lahore");
        assertThat(officer.get("districts").get(1).asString()).isEqualTo("Kasur");
        assertThat(officer.get("iss").asString()).isEqualTo("http://localhost:8080");

        JsonNode partner = claims(http.clientToken("demo-partner"));
        assertThat(partner.get("roles").get(0).asString()).isEqualTo("PARTNER");
        assertThat(partner.get("agreement").asString()).isEqualTo("demo-agreement");

        for (String client : new String[] { "demo-dpo", "demo-auditor", "demo-admin" }) {
            assertThat(claims(http.clientToken(client)).get("roles").get(0).asString())
                    .isEqualTo(client.substring(5).toUpperCase());
        }
    }

    @Test
    void aWrongSecretGetsNoToken() {
        String basic = Base64.getEncoder().encodeToString("demo-dpo:wrong".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(http.request("/oauth2/token")
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void signingKeysArePublishedWithoutTheirPrivateParts() {
        HttpResponse<String> response = http.get("/oauth2/jwks");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode keys = http.json(response).get("keys");
        assertThat(keys.get(0).get("kty").asString()).isEqualTo("RSA");
        assertThat(keys.get(1).get("kty").asString()).isEqualTo("OKP");
        assertThat(keys.get(1).get("crv").asString()).isEqualTo("Ed25519");
        for (JsonNode key : keys) {
            assertThat(key.has("d")).isFalse();
            assertThat(key.has("p")).isFalse();
        }
    }

    private JsonNode claims(String jwt) {
        return http.json(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }
}
