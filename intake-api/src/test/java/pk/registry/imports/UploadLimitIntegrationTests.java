package pk.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import pk.registry.Http;
import pk.registry.RegistryIntegrationTest;
import pk.registry.kernel.Role;

/** The upload size limit is configuration; over it, 413 as a problem. */
@RegistryIntegrationTest
@TestPropertySource(properties = { "spring.servlet.multipart.max-file-size=2KB", "spring.servlet.multipart.max-request-size=2KB" })
class UploadLimitIntegrationTests {

    @Autowired
    Http http;

    @Test
    void anUploadOverTheLimitIsContentTooLarge() {
        ImportFiles file = new ImportFiles();
        for (int i = 0; i < 20; i++) {
            file.household("L-" + i);
        }

        HttpResponse<String> response = http.send(Http.csvUpload(
                http.request("/api/v1/imports").header("Authorization", "Bearer " + http.token(Role.FIELD_OFFICER)), file.csv()));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
}
