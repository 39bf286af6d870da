package pk.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** The published OpenAPI document describes the real contract: the caller comes from the token, never a parameter. */
@RegistryIntegrationTest
class OpenApiIntegrationTests {

    @Autowired
    Http http;

    @Test
    void noOperationTakesTheCallerAsAParameter() {
        JsonNode paths = http.json(http.get("/v3/api-docs")).get("paths");

        assertThat(paths.has("/api/v1/me/consents")).isTrue();
        assertThat(paths.has("/api/v1/statistics")).isTrue();
        for (JsonNode path : paths) {
            for (JsonNode operation : path) {
                if (operation.has("parameters")) {
                    assertThat(operation.get("parameters").findValuesAsString("name"))
                            .doesNotContain("applicant", "actor", "officer", "subject", "role", "districts", "agreementId");
                }
            }
        }
    }
}
