package pk.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pk.registry.Http;
import pk.registry.RegistryIntegrationTest;
import pk.registry.kernel.Role;
import tools.jackson.databind.JsonNode;

/**
 * Framework errors answer as RFC 9457 problems like our own do: the right status, a title,
 * no stack trace or exception name, nothing of what was submitted, no cookie, no caching.
 */
@RegistryIntegrationTest
class ProblemResponsesIntegrationTests {

    @Autowired
    Http http;

    @Test
    void unknownResourceIsNotFound() {
        HttpResponse<String> response = http.send(http.request("/api/v1/dpo/no-such-thing")
                .header("Authorization", "Bearer " + http.token(Role.DPO)).GET());

        assertThat(assertProblem(response, 404).get("detail").asString()).doesNotContain("no-such-thing");
    }

    @Test
    void wrongMethodIsNotAllowed() {
        assertProblem(http.get("/api/v1/auth/otp"), 405);
    }

    @Test
    void unacceptableRepresentationIsNotAcceptable() {
        HttpResponse<String> response = http.send(http.request("/api/v1/auth/otp")
                .header("Content-Type", "application/json").header("Accept", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("{\"mobile\":\"03001234567\"}")));

        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void aRepresentationTheAcceptHeaderGivesTheQualityZeroIsNotAcceptable() {
        for (String accept : List.of("application/json;q=0", "*/*, application/json;q=0", "application/*;q=0.5, application/json;q=0",
                "application/json;q=0, text/csv")) {
            HttpResponse<String> response = http.send(http.request("/api/v1/purposes").header("Accept", accept).GET());

            assertThat(assertProblem(response, 406).get("detail").asString()).as(accept).contains("quality 0");
        }
        for (String accept : List.of("application/json;q=0.1", "application/*;q=0, application/json", "text/csv;q=0, */*")) {
            assertThat(http.send(http.request("/api/v1/purposes").header("Accept", accept).GET()).statusCode()).as(accept)
                    .isEqualTo(200);
        }
    }

    @Test
    void unsupportedMediaTypeIsRefused() {
        HttpResponse<String> response = http.send(http.request("/api/v1/auth/otp")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("03001234567")));

        assertProblem(response, 415);
    }

    @Test
    void malformedJsonIsABadRequestThatDoesNotQuoteTheBody() {
        HttpResponse<String> response = http.postJson("/api/v1/auth/otp", "{\"mobile\": \"03009998887\"");

        assertProblem(response, 400);
        assertThat(response.body()).doesNotContain("03009998887");
        var problem = http.json(response);
        assertThat(problem.get("type").asString()).isEqualTo("urn:registry:problem:validation");
        assertThat(problem.get("errors")).singleElement().satisfies(error -> {
            assertThat(error.get("field").asString()).isEqualTo("body");
            assertThat(error.get("code").asString()).isEqualTo("Syntax");
        });
    }

    @Test
    void anAcceptHeaderThatIsNoMediaTypeIsANotAcceptableProblemWithoutEchoingIt() {
        for (String path : List.of("/api/v1/purposes", "/api/v1/me/data")) {
            HttpResponse<String> response = http.send(http.request(path).header("Accept", "garbage-03009998887").GET());

            assertProblem(response, 406);
            assertThat(response.body()).doesNotContain("03009998887");
        }
    }

    @Test
    void oversizedBodyIsContentTooLarge() {
        String body = "{\"mobile\":\"" + "9".repeat(1_100_000) + "\"}";

        assertProblem(http.postJson("/api/v1/auth/otp", body), 413);
    }

    @Test
    void invalidFieldsAreListedWithCodesButNotValues() {
        HttpResponse<String> response = http.postJson("/api/v1/auth/otp/verify",
                "{\"mobile\":\"04001234567\",\"code\":\"12ab\"}");

        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.get("type").asString()).isEqualTo("urn:registry:problem:validation");
        assertThat(problem.get("errors")).hasSize(2);
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("mobile", "code");
        assertThat(problem.get("errors").findValuesAsString("code")).containsExactlyInAnyOrder("PakistaniMobile", "Pattern");
        assertThat(response.body()).doesNotContain("04001234567").doesNotContain("12ab");
    }

    @Test
    void missingBodyFieldsAreValidationErrors() {
        JsonNode problem = assertProblem(http.postJson("/api/v1/auth/otp", "{}"), 400);

        assertThat(problem.get("errors").findValuesAsString("code")).containsExactly("NotBlank");
    }

    @Test
    void unauthenticatedAndForbiddenAreProblems() {
        assertProblem(http.get("/api/v1/dpo/erasure-requests"), 401);
        assertProblem(http.send(http.request("/api/v1/admin/policies")
                .header("Authorization", "Bearer " + http.token(Role.DPO))
                .POST(HttpRequest.BodyPublishers.noBody())), 403);
    }

    @Test
    void apiResponsesAreNotCachedAndCarrySecurityHeaders() {
        HttpResponse<String> response = http.get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void openApiDocumentAndSwaggerUiArePublic() {
        HttpResponse<String> docs = http.get("/v3/api-docs");

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(http.json(docs).get("paths").has("/api/v1/auth/otp")).isTrue();
        assertThat(http.get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    @Test
    void healthProbesArePublic() {
        assertThat(http.json(http.get("/actuator/health/liveness")).get("status").asString()).isEqualTo("UP");
        assertThat(http.json(http.get("/actuator/health/readiness")).get("status").asString()).isEqualTo("UP");
    }

    private JsonNode assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        JsonNode problem = http.json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(response.body()).doesNotContainIgnoringCase("exception").doesNotContain("trace").doesNotContain("at pk.");
        return problem;
    }
}
