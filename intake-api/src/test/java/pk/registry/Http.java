package pk.registry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

import pk.registry.kernel.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client against the running test server, with tokens for every role: staff and
 * partner tokens come from the demo clients through {@code POST /oauth2/token}, applicant
 * tokens are signed with the service's own key, as the sign-in endpoint does.
 */
@TestComponent
public class Http {

    /** The demo's second field officer (Multan, Bahawalpur; the first serves Lahore and Kasur). */
    public static final String SECOND_FIELD_OFFICER = "demo-field-officer-2";

    /** The demo's second partner, bound to {@code demo-agreement-2} (the first to {@code demo-agreement}). */
    public static final String SECOND_PARTNER = "demo-partner-2";

    /** The DCI sender id the second partner's agreement registered (the first's is {@code DciMessages.SENDER}). */
    public static final String SECOND_PARTNER_SENDER = "welfare.example.org";

    private static final Map<Role, String> DEMO_CLIENTS = Map.of(Role.FIELD_OFFICER, "demo-field-officer",
            Role.DPO, "demo-dpo", Role.AUDITOR, "demo-auditor", Role.ADMIN, "demo-admin", Role.PARTNER, "demo-partner");

    private final HttpClient client = HttpClient.newHttpClient();
    private final Environment environment;
    private final JwtEncoder encoder;
    private final JsonMapper json;
    private final Map<Role, String> tokens = new EnumMap<>(Role.class);

    Http(Environment environment, JwtEncoder encoder, JsonMapper json) {
        this.environment = environment;
        this.encoder = encoder;
        this.json = json;
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + environment.getProperty("local.server.port") + path);
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    /** GET with the token as bearer. */
    public HttpResponse<String> getAs(String token, String path) {
        return send(request(path).header("Authorization", "Bearer " + token).GET());
    }

    /** POST of a JSON body with the token as bearer, and the {@code Idempotency-Key} when one is given. */
    public HttpResponse<String> postJsonAs(String token, String path, String body, @Nullable String idempotencyKey) {
        HttpRequest.Builder request = request(path).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    public HttpResponse<String> postJson(String path, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The request as a multipart upload of one CSV file, as a field officer's browser sends it. */
    public static HttpRequest.Builder csvUpload(HttpRequest.Builder request, String csv) {
        String boundary = "registry-test-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"forms.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    public JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    public JsonNode json(String text) {
        return json.readTree(text);
    }

    /** A bearer token for the role, cached for the life of the test context. */
    public synchronized String token(Role role) {
        return tokens.computeIfAbsent(role, r -> r == Role.APPLICANT ? applicantToken("+923001112223") : clientToken(DEMO_CLIENTS.get(r)));
    }

    /** A bearer token of the demo client, asked for anew. */
    public String clientToken(String clientId) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":demo-secret").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(request("/oauth2/token")
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token endpoint answered " + response.statusCode());
        }
        return json(response).get("access_token").asString();
    }

    /** The audience the service's tokens must name: {@code registry.identity.audience}, else its issuer. */
    public String audience() {
        return environment.getProperty("registry.identity.audience", environment.getProperty("registry.identity.issuer", ""));
    }

    /** A token like the one the sign-in endpoint issues for a verified mobile. */
    public String applicantToken(String e164) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(environment.getProperty("registry.identity.issuer"))
                .subject(e164).audience(List.of(audience())).issuedAt(now).expiresAt(now.plusSeconds(600)).id(UUID.randomUUID().toString())
                .claim("roles", List.of(Role.APPLICANT.name())).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }
}
