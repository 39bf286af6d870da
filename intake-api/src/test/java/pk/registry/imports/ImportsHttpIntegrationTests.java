package pk.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import pk.registry.Http;
import pk.registry.RegistryIntegrationTest;
import pk.registry.kernel.Role;
import tools.jackson.databind.JsonNode;

/** Field officers upload over HTTP and follow their import to its end and its error report. */
@RegistryIntegrationTest
class ImportsHttpIntegrationTests {

    @Autowired
    Http http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.core.env.Environment environment;

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

        assertThat(http.getAs(http.token(Role.DPO), location)
                .statusCode()).isEqualTo(200);
    }

    @Test
    void anOfficerWithAsManyImportsRunningAsAllowedIsToldToWaitAndAnotherOfficerIsNot() throws Exception {
        String officer = http.token(Role.FIELD_OFFICER);
        int limit = Integer.parseInt(environment.getRequiredProperty("registry.imports.running-per-officer"));
        List<String> running = java.util.stream.Stream.generate(() -> runningImportOf("demo-field-officer")).limit(limit).toList();
        try {
            long imports = jdbc.sql("SELECT COUNT(*) FROM household_import").query(Long.class).single();
            HttpResponse<String> refused = upload(officer, new ImportFiles().csv());
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM household_import").query(Long.class).single())
                    .as("nothing recorded, nothing started").isEqualTo(imports);

            ImportFiles multan = new ImportFiles();
            multan.household("M-1").forEach(row -> row.put("district", "Multan"));
            HttpResponse<String> other = upload(http.clientToken(Http.SECOND_FIELD_OFFICER), multan.csv());
            assertThat(other.statusCode()).as("another officer's imports are their own").isEqualTo(202);
        }
        finally {
            jdbc.sql("UPDATE household_import SET status = 'FAILED', finished_at = CURRENT_TIMESTAMP WHERE id IN (:ids)")
                    .param("ids", running).update();
        }
        assertThat(upload(officer, new ImportFiles().csv()).statusCode()).as("room again once they ended").isEqualTo(202);
    }

    /** An import of the officer's that runs on another node (its lease far from running out). */
    private String runningImportOf(String officer) {
        String id = java.util.UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO household_import (id, officer, districts, file_bytes, status, created_at, owner_node, lease_until)
                VALUES (:id, :officer, 'Kasur,Lahore', 100, 'STARTED', CURRENT_TIMESTAMP, 'another-node', :lease)""")
                .param("id", id).param("officer", officer)
                .param("lease", java.sql.Timestamp.from(Instant.now().plus(Duration.ofHours(1)))).update();
        return id;
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

    /** A second file would not be imported, nor another part read: refused, and nothing is stored. */
    @Test
    void anUploadOfMoreThanTheOneFileIsABadRequest() {
        ImportFiles file = new ImportFiles();
        file.household("H-1");
        String filePart = "Content-Disposition: form-data; name=\"file\"; filename=\"forms.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + file.csv() + "\r\n";
        long imports = jdbc.sql("SELECT COUNT(*) FROM household_import").query(Long.class).single();

        HttpResponse<String> twoFiles = multipart(filePart, filePart);
        HttpResponse<String> fileAndNote = multipart(filePart,
                "Content-Disposition: form-data; name=\"note\"\r\n\r\nthe second batch\r\n",
                "Content-Disposition: form-data; name=\"cnic3520212345671\"\r\n\r\nx\r\n");

        assertThat(twoFiles.statusCode()).isEqualTo(400);
        assertThat(http.json(twoFiles).get("errors").toString()).isEqualTo(
                "[{\"field\":\"file\",\"code\":\"OneFile\",\"message\":\"must be given once: upload one file per request\"}]");
        assertThat(fileAndNote.statusCode()).isEqualTo(400);
        assertThat(http.json(fileAndNote).get("errors").valueStream().map(error -> error.get("field").asString() + " "
                + error.get("code").asString())).containsExactly("note Unknown", "body Unknown");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM household_import").query(Long.class).single()).isEqualTo(imports);
    }

    @Test
    void anUnknownImportIsNotFound() {
        HttpResponse<String> response = http.send(http.request("/api/v1/imports/" + java.util.UUID.randomUUID())
                .header("Authorization", "Bearer " + http.token(Role.FIELD_OFFICER)).GET());

        assertThat(response.statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> multipart(String... parts) {
        String boundary = "registry-test-boundary";
        StringBuilder body = new StringBuilder();
        for (String part : parts) {
            body.append("--").append(boundary).append("\r\n").append(part);
        }
        body.append("--").append(boundary).append("--\r\n");
        return http.send(http.request("/api/v1/imports").header("Authorization", "Bearer " + http.token(Role.FIELD_OFFICER))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private HttpResponse<String> upload(String token, String csv) {
        return http.send(Http.csvUpload(http.request("/api/v1/imports").header("Authorization", "Bearer " + token), csv));
    }


    private JsonNode awaitEnd(String location, String token) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            JsonNode status = http.json(http.getAs(token, location));
            if (status.get("status").asString().matches("COMPLETED|FAILED")) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not end in time");
    }
}
