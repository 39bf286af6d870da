package pk.registry.household.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import pk.registry.RegistryApplication;

/**
 * The at-rest proof: after an applicant signs in, submits and reads a household, the H2
 * database files hold none of its CNICs, names, mobile or address in plaintext, and neither
 * does anything the service logged. A clear-text control value (the district) shows that
 * the scan does see what is stored in clear.
 */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataAtRestFunctionalTests {

    private static final String MOBILE = "03001239876";
    private static final String ADDRESS = "Mohalla Qissa Khwani Gali Number Nine";
    private static final String HEAD_NAME = "Zarghuna Qizilbash";
    private static final String SPOUSE_NAME = "شگفتہ پروین";
    private static final String HEAD_CNIC = "38403-9081726-3";
    private static final String SPOUSE_CNIC = "38403-6655443-2";

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void noPersonalDataInTheDatabaseFilesOrTheLog(@TempDir Path dataDir, CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(RegistryApplication.class)
                .profiles("demo")
                .run("--registry.data-dir=" + dataDir, "--server.port=0", "--logging.level.pk.registry=DEBUG", "--logging.level.org.springframework.jdbc=DEBUG",
                        "--logging.level.org.springframework.transaction=DEBUG")) {
            String base = "http://localhost:" + service.getEnvironment().getProperty("local.server.port");
            post(base + "/api/v1/auth/otp", null, "{\"mobile\":\"" + MOBILE + "\"}");
            String outbox = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/demo/sms-outbox?mobile=" + MOBILE))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher code = Pattern.compile("code is (\\d{6})").matcher(outbox);
            assertThat(code.find()).isTrue();
            String token = post(base + "/api/v1/auth/otp/verify", null,
                    "{\"mobile\":\"" + MOBILE + "\",\"code\":\"" + code.group(1) + "\"}").body()
                    .replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");

            HttpResponse<String> created = post(base + "/api/v1/applications", token, application());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            HttpResponse<String> read = client.send(HttpRequest.newBuilder(
                    URI.create(base + created.headers().firstValue("Location").orElseThrow()))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(read.body()).contains(HEAD_NAME).contains(SPOUSE_NAME).contains(ADDRESS);
        }

        byte[] stored = allBytes(dataDir);
        assertThat(contains(stored, "Sargodha")).as("control: clear columns are visible to this scan").isTrue();
        for (String secret : secrets()) {
            assertThat(contains(stored, secret)).as("database files contain %s", secret).isFalse();
            assertThat(output.getAll()).as("log contains %s", secret).doesNotContain(secret);
        }
    }

    private static List<String> secrets() {
        return List.of(HEAD_CNIC, HEAD_CNIC.replace("-", ""), SPOUSE_CNIC, SPOUSE_CNIC.replace("-", ""), HEAD_NAME,
                "Qizilbash", SPOUSE_NAME, MOBILE, "3001239876", ADDRESS, "Qissa Khwani");
    }

    private static String application() {
        return """
                {"household":{"district":"Sargodha","tehsil":"Bhalwal","address":"%s","mobile":"%s","dwelling":"OWNED",
                  "rooms":3,"members":[
                  {"cnic":"%s","fullName":"%s","relationship":"HEAD","gender":"X","dateOfBirth":"1975-02-02","monthlyIncomePkr":25000},
                  {"cnic":"%s","fullName":"%s","relationship":"SPOUSE","gender":"F","dateOfBirth":"1979-09-09","disability":true}]},
                 "consent":{"policyVersion":"2025-01","purposes":["IDENTITY_VERIFICATION","ELIGIBILITY_ASSESSMENT"]}}"""
                .formatted(ADDRESS, MOBILE, HEAD_CNIC, HEAD_NAME, SPOUSE_CNIC, SPOUSE_NAME);
    }

    private HttpResponse<String> post(String uri, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] allBytes(Path directory) throws IOException {
        var all = new java.io.ByteArrayOutputStream();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.write(Files.readAllBytes(file));
            }
        }
        return all.toByteArray();
    }

    private static boolean contains(byte[] haystack, String needle) {
        for (byte[] encoded : List.of(needle.getBytes(StandardCharsets.UTF_8), needle.getBytes(StandardCharsets.UTF_16LE),
                needle.getBytes(StandardCharsets.UTF_16BE))) {
            outer:
            for (int i = 0; i <= haystack.length - encoded.length; i++) {
                for (int j = 0; j < encoded.length; j++) {
                    if (haystack[i + j] != encoded[j]) {
                        continue outer;
                    }
                }
                return true;
            }
        }
        return false;
    }
}
