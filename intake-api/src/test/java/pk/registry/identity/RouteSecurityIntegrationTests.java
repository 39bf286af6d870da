package pk.registry.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static pk.registry.kernel.Role.ADMIN;
import static pk.registry.kernel.Role.APPLICANT;
import static pk.registry.kernel.Role.AUDITOR;
import static pk.registry.kernel.Role.DPO;
import static pk.registry.kernel.Role.FIELD_OFFICER;
import static pk.registry.kernel.Role.PARTNER;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import pk.registry.Http;
import pk.registry.RegistryIntegrationTest;
import pk.registry.kernel.Role;

/**
 * Every non-public route of the v1 contract (../shared/specs/api.md), written out here
 * independently of the security configuration: anonymous callers get 401 and every role
 * the contract does not name gets 403, both as problem+json.
 */
@RegistryIntegrationTest
class RouteSecurityIntegrationTests {

    @Autowired
    Http http;

    record Route(String method, String path, Set<Role> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Route> routes() {
        return Stream.of(
                new Route("POST", "/api/v1/applications", EnumSet.of(APPLICANT)),
                new Route("GET", "/api/v1/applications/8d4e2a64-97b5-4a8a-9a1e-0f5f7f0c9b11", EnumSet.of(APPLICANT, FIELD_OFFICER)),
                new Route("GET", "/api/v1/me/data", EnumSet.of(APPLICANT)),
                new Route("GET", "/api/v1/me/disclosures", EnumSet.of(APPLICANT)),
                new Route("GET", "/api/v1/me/consents", EnumSet.of(APPLICANT)),
                new Route("POST", "/api/v1/me/consents", EnumSet.of(APPLICANT)),
                new Route("POST", "/api/v1/me/consents/withdrawals", EnumSet.of(APPLICANT)),
                new Route("POST", "/api/v1/me/corrections", EnumSet.of(APPLICANT)),
                new Route("GET", "/api/v1/me/corrections", EnumSet.of(APPLICANT)),
                new Route("POST", "/api/v1/me/erasure-requests", EnumSet.of(APPLICANT)),
                new Route("GET", "/api/v1/me/erasure-requests/42", EnumSet.of(APPLICANT)),
                new Route("POST", "/api/v1/me/complaints", EnumSet.of(APPLICANT)),
                new Route("GET", "/api/v1/me/complaints", EnumSet.of(APPLICANT)),
                new Route("POST", "/api/v1/imports", EnumSet.of(FIELD_OFFICER)),
                new Route("GET", "/api/v1/imports/42", EnumSet.of(FIELD_OFFICER, DPO)),
                new Route("GET", "/api/v1/imports/42/errors", EnumSet.of(FIELD_OFFICER, DPO)),
                new Route("POST", "/api/v1/verifications", EnumSet.of(PARTNER)),
                new Route("POST", "/registry/sync/search", EnumSet.of(PARTNER)),
                new Route("GET", "/api/v1/dpo/erasure-requests", EnumSet.of(DPO)),
                new Route("POST", "/api/v1/dpo/erasure-requests/42/decision", EnumSet.of(DPO)),
                new Route("GET", "/api/v1/dpo/legal-holds", EnumSet.of(DPO)),
                new Route("POST", "/api/v1/dpo/legal-holds", EnumSet.of(DPO)),
                new Route("DELETE", "/api/v1/dpo/legal-holds/42", EnumSet.of(DPO)),
                new Route("POST", "/api/v1/dpo/jobs/retention", EnumSet.of(DPO)),
                new Route("POST", "/api/v1/dpo/jobs/erasure", EnumSet.of(DPO)),
                new Route("GET", "/api/v1/dpo/jobs/42", EnumSet.of(DPO)),
                new Route("GET", "/api/v1/dpo/complaints", EnumSet.of(DPO)),
                new Route("POST", "/api/v1/dpo/complaints/42/answer", EnumSet.of(DPO)),
                new Route("GET", "/api/v1/dpo/corrections", EnumSet.of(DPO, FIELD_OFFICER)),
                new Route("POST", "/api/v1/dpo/corrections/42/decision", EnumSet.of(DPO, FIELD_OFFICER)),
                new Route("GET", "/api/v1/audit/events", EnumSet.of(AUDITOR)),
                new Route("GET", "/api/v1/audit/verification", EnumSet.of(AUDITOR)),
                new Route("GET", "/api/v1/statistics", EnumSet.of(AUDITOR, DPO, ADMIN)),
                new Route("POST", "/api/v1/admin/policies", EnumSet.of(ADMIN)),
                new Route("GET", "/api/v1/admin/partners", EnumSet.of(ADMIN)),
                new Route("GET", "/api/v1/admin/programmes", EnumSet.of(ADMIN)),
                new Route("GET", "/actuator/prometheus", EnumSet.of(ADMIN)),
                new Route("GET", "/actuator/metrics", EnumSet.of(ADMIN)));
    }

    static Stream<Arguments> forbiddenCombinations() {
        return routes().flatMap(route -> Arrays.stream(Role.values())
                .filter(role -> !route.allowed().contains(role))
                .map(role -> Arguments.of(route, role)));
    }

    @ParameterizedTest(name = "{0} anonymous")
    @MethodSource("routes")
    void anonymousCallersAreUnauthenticated(Route route) {
        HttpResponse<String> response = http.send(request(route));

        assertThat(response.statusCode()).isEqualTo(401);
        assertProblem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("forbiddenCombinations")
    void rolesTheContractDoesNotNameAreForbidden(Route route, Role role) {
        HttpResponse<String> response = http.send(request(route).header("Authorization", "Bearer " + http.token(role)));

        assertThat(response.statusCode()).isEqualTo(403);
        assertProblem(response, 403);
    }

    static Stream<Arguments> allowedCombinations() {
        return routes().flatMap(route -> route.allowed().stream().map(role -> Arguments.of(route, role)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("allowedCombinations")
    void rolesTheContractNamesGetPastSecurity(Route route, Role role) {
        HttpResponse<String> response = http.send(request(route).header("Authorization", "Bearer " + http.token(role)));

        assertThat(response.statusCode()).isNotIn(401, 403);
    }

    @ParameterizedTest(name = "{0} with a forged token")
    @MethodSource("routes")
    void tokensNotSignedByATrustedIssuerAreRejected(Route route) {
        String token = http.token(route.allowed().iterator().next());
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        HttpResponse<String> response = http.send(request(route).header("Authorization", "Bearer " + forged));

        assertThat(response.statusCode()).isEqualTo(401);
        assertProblem(response, 401);
    }

    @ParameterizedTest(name = "public: {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = { "/api/v1/privacy-policy", "/api/v1/privacy-policy/versions",
            "/api/v1/purposes", "/api/v1/imports/template", "/v3/api-docs", "/actuator/health", "/oauth2/jwks" })
    void publicRoutesNeedNoToken(String path) {
        HttpResponse<String> response = http.get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    /** HEAD is GET without the body: as open as GET on every public route. */
    @ParameterizedTest(name = "public: HEAD {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = { "/api/v1/privacy-policy", "/api/v1/privacy-policy/versions",
            "/api/v1/purposes", "/api/v1/imports/template", "/v3/api-docs", "/actuator/health" })
    void publicRoutesAnswerHeadAsGetWithoutABody(String path) {
        HttpResponse<String> response = http.send(http.request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("Content-Type")).isEqualTo(http.get(path).headers().firstValue("Content-Type"));
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    /** HEAD on a route that needs a caller is not opened by the public ones. */
    @ParameterizedTest(name = "HEAD {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = { "/api/v1/imports/8d4e2a64-97b5-4a8a-9a1e-0f5f7f0c9b11",
            "/api/v1/me/data", "/api/v1/audit/events", "/actuator/metrics" })
    void headOnRoutesThatNeedACallerIsNotOpen(String path) {
        HttpResponse<String> response = http.send(http.request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isIn(401, 403);
    }

    /** HEAD on a route that needs a caller answers the roles that may GET it as GET does, without the body. */
    @ParameterizedTest(name = "HEAD {0} as {1}")
    @org.junit.jupiter.params.provider.CsvSource({ "/api/v1/audit/events, AUDITOR", "/api/v1/statistics, DPO",
            "/api/v1/partner/agreement, PARTNER", "/api/v1/dpo/legal-holds, DPO", "/api/v1/dpo/corrections, FIELD_OFFICER" })
    void headAnswersTheRolesThatMayReadARouteAsGetDoes(String path, Role role) {
        String token = "Bearer " + http.token(role);
        HttpResponse<String> get = http.send(http.request(path).header("Authorization", token));
        HttpResponse<String> head = http.send(http.request(path).header("Authorization", token)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Type")).isEqualTo(get.headers().firstValue("Content-Type"));
        assertThat(head.headers().firstValue("Cache-Control")).isEqualTo(get.headers().firstValue("Cache-Control"));
    }

    /**
     * A route asked with a method it does not have is 405 with the methods it has in
     * {@code Allow}, as problem+json, to every caller with a token whatever their role, as Spring
     * MVC answers it: the method is wrong whoever asks, and no handler runs. Without a token, 401.
     */
    @ParameterizedTest(name = "{0} {1}")
    @org.junit.jupiter.params.provider.CsvSource({ "PUT, /api/v1/applications/8d4e2a64-97b5-4a8a-9a1e-0f5f7f0c9b11, GET",
            "GET, /api/v1/applications, POST", "DELETE, /api/v1/imports/8d4e2a64-97b5-4a8a-9a1e-0f5f7f0c9b11, GET", "PUT, /api/v1/dpo/legal-holds, POST",
            "GET, /api/v1/dpo/legal-holds/42, DELETE", "PATCH, /api/v1/dpo/corrections, GET", "GET, /registry/unsubscribe, POST",
            "PUT, /api/v1/me/consents, POST", "DELETE, /api/v1/admin/partners, POST" })
    void methodsARouteDoesNotHaveAreNotAllowed(String method, String path, String allowed) {
        for (Role role : Role.values()) {
            HttpResponse<String> response = http.send(http.request(path).header("Authorization", "Bearer " + http.token(role))
                    .method(method, HttpRequest.BodyPublishers.noBody()));

            assertThat(response.statusCode()).as(role.name()).isEqualTo(405);
            assertProblem(response, 405);
            assertThat(response.headers().firstValue("Allow")).as(role.name())
                    .hasValueSatisfying(allow -> assertThat(allow).contains(allowed));
        }
        HttpResponse<String> anonymous = http.send(http.request(path).method(method, HttpRequest.BodyPublishers.noBody()));

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertProblem(anonymous, 401);
    }

    /** Any token holder can send wrong methods: each is answered, none is written to the log. */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aMethodNotAllowedLeavesNoLogLine(CapturedOutput output) {
        HttpResponse<String> response = http.send(http.request("/api/v1/dpo/legal-holds")
                .header("Authorization", "Bearer " + http.token(APPLICANT)).method("PUT", HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(output.getAll()).doesNotContain("PageNotFound").doesNotContain("method 'PUT' is not supported");
    }

    /** A path that is no route at all is refused as before: not opened by the 405 above. */
    @ParameterizedTest(name = "{0} {1}")
    @org.junit.jupiter.params.provider.CsvSource({ "PUT, /api/v1/no-such-route", "GET, /api/v1/imports/42/no-such-thing",
            "DELETE, /api/v1/imports/42", // an import's id is a UUID: no route
            "POST, /registry/no-such-route" })
    void pathsThatAreNoRouteAreStillForbidden(String method, String path) {
        HttpResponse<String> response = http.send(http.request(path).header("Authorization", "Bearer " + http.token(DPO))
                .method(method, HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(403);
        assertProblem(response, 403);
    }

    /**
     * A public route asked for a representation it does not have is 406, never a route beside it
     * that needs a caller (which would answer 401, or 500 from the missing caller).
     */
    @ParameterizedTest(name = "public: {0}")
    @org.junit.jupiter.params.provider.CsvSource({
            "/api/v1/imports/template, application/json", "/api/v1/imports/template, application/*",
            "/api/v1/imports/template, application/xml", "/api/v1/imports/template, text/plain",
            "/api/v1/privacy-policy, text/csv", "/api/v1/privacy-policy/versions, text/csv", "/api/v1/purposes, text/csv" })
    void publicRoutesAskedForARepresentationTheyLackAreNotAcceptable(String path, String accept) {
        HttpResponse<String> response = http.send(http.request(path).header("Accept", accept).GET());

        assertThat(response.statusCode()).isEqualTo(406);
        assertProblem(response, 406);
    }

    /**
     * Spring Security's form-login leftovers are not routes of this API: no {@code /logout} that
     * redirects (a stateless API has no session to end), nothing but problems.
     */
    @ParameterizedTest(name = "{0} {1}")
    @org.junit.jupiter.params.provider.CsvSource({ "GET, /logout", "POST, /logout", "GET, /login", "POST, /login" })
    void sessionRoutesAreNotThere(String method, String path) {
        HttpResponse<String> response = http.send(http.request(path).method(method, HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertProblem(response, 401);
    }

    private HttpRequest.Builder request(Route route) {
        return http.request(route.path()).header("Content-Type", "application/json")
                .method(route.method(), route.method().equals("POST")
                        ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
    }

    private void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(http.json(response).get("status").asInt()).isEqualTo(status);
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }
}
