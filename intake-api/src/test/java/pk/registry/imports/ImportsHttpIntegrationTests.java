package pk.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pk.registry.Http;
import pk.registry.RegistryIntegrationTest;
import pk.registry.kernel.Role;
import tools.jackson.databind.JsonNode;

/** Field officers upload over HTTP and follow their import to its end and its error report. */
@RegistryIntegrationTest
class ImportsHttpIntegrationTests {

    @Autowired
    Http http;

    @Test
    void anUploadIsAcceptedAndRunsInTheBackgroundToItsErrorReport() throws Exception {
        ImportFiles file = new ImportFiles();
        file.household("H-1");
        List<Map<String, String>> bad = file.household("H-2");
        bad.get(0).put("rooms", "0");

        HttpResponse<String> accepted = upload(http.token(Role.FIELD_OFFICER), file.csv());

        assertThat(accepted.statusCode()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/api/v1/imports/[0-9a-f-]{36}");
        JsonNode status = awaitEnd(location, http.token(Role.FIELD_OFFICER));
        assertThat(status.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(status.get("householdsStored").asLong()).isEqualTo(1);
        assertThat(status.get("householdsRejected").asLong()).isEqualTo(1);
        assertThat(status.get("percent").asInt()).isEqualTo(100);
        assertThat(status.get("linesRead").asLong()).isEqualTo(7);

        HttpResponse<String> errors = http.send(http.request(location + "/errors")
                .header("Authorization", "Bearer " + http.token(Role.FIELD_OFFICER)).GET());
        assertThat(errors.statusCode()).isEqualTo(200);
        assertThat(errors.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(errors.body()).startsWith("line,household_ref,column,code,reason")
                .contains("5,H-2,rooms,Min,").doesNotContain(bad.get(0).get("cnic")).doesNotContain("Rashid");

        assertThat(http.send(http.request(location).header("Authorization", "Bearer " + http.token(Role.DPO)).GET())
                .statusCode()).isEqualTo(200);
    }

    @Test
    void theTemplateIsPublic() {
        HttpResponse<String> template = http.get("/api/v1/imports/template");

        assertThat(template.statusCode()).isEqualTo(200);
        assertThat(template.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(template.body().strip()).isEqualTo(TemplateV1.headerLine());
    }

    @Test
    void anUploadWithoutAFilePartIsABadRequest() {
        HttpResponse<String> response = http.send(http.request("/api/v1/imports")
                .header("Authorization", "Bearer " + http.token(Role.FIELD_OFFICER))
                .header("Content-Type", "multipart/form-data; boundary=xyz")
                .POST(HttpRequest.BodyPublishers.ofString("--xyz--\r\n")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void anUnknownImportIsNotFound() {
        HttpResponse<String> response = http.send(http.request("/api/v1/imports/" + java.util.UUID.randomUUID())
                .header("Authorization", "Bearer " + http.token(Role.FIELD_OFFICER)).GET());

        assertThat(response.statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> upload(String token, String csv) {
        return http.send(Http.csvUpload(http.request("/api/v1/imports").header("Authorization", "Bearer " + token), csv));
    }


    private JsonNode awaitEnd(String location, String token) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            JsonNode status = http.json(http.send(http.request(location).header("Authorization", "Bearer " + token).GET()));
            if (status.get("status").asString().matches("COMPLETED|FAILED")) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not end in time");
    }
}
