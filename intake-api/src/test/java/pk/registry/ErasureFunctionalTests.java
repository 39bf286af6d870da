package pk.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.h2.mvstore.MVStoreTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;

import pk.registry.kernel.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Erasure end to end, as the household, the DPO, a partner and an auditor meet it: after the
 * erasure job the household is gone from the API, its export, the statistics and partners'
 * answers; the H2 files (compacted offline, uncompressed, as the operator's maintenance does) and
 * everything the service logged hold neither its personal data, nor its blind-index values (the
 * owner's in its registration conflicts included), nor its wrapped data key (while a neighbour's tokens and key, the control, are found by the same
 * scan); the audit chain still verifies; the deletion certificate verifies against the
 * service's published key; and the person can register again as a new household.
 */
@ExtendWith(OutputCaptureExtension.class)
class ErasureFunctionalTests {

    private static final String MOBILE = "+923004561278";
    private static final String HEAD_NAME = "Gulrukh Mandokhel";
    private static final String SPOUSE_NAME = "Sherbaz Mandokhel";
    private static final String ADDRESS = "House 14 Kuchlak Road Mohalla Tareen";
    private static final String HEAD_CNIC = "54401-7264519-4";
    private static final String SPOUSE_CNIC = "54401-3197258-1";
    private static final String NEIGHBOUR_MOBILE = "+923004561299";

    @Test
    void anErasedHouseholdIsGoneEverywhereAndTheCertificateProvesIt(@TempDir Path dataDir, CapturedOutput output)
            throws Exception {
        List<byte[]> householdBytes = new ArrayList<>();
        List<byte[]> neighbourBytes = new ArrayList<>();
        String householdId;
        try (ConfigurableApplicationContext service = start(dataDir)) {
            Http http = http(service);
            String applicant = http.applicantToken(MOBILE);
            HttpResponse<String> created = send(http, applicant, "POST", "/api/v1/applications", application());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            householdId = http.json(created).get("id").asString();
            HttpResponse<String> second = send(http, applicant, "POST", "/api/v1/applications", application());
            assertThat(second.statusCode()).as("a second household: a conflict recorded under the owner's token")
                    .isEqualTo(409);
            String neighbour = http.applicantToken(NEIGHBOUR_MOBILE);
            HttpResponse<String> neighbours = send(http, neighbour, "POST", "/api/v1/applications", neighbour());
            assertThat(neighbours.statusCode()).as(neighbours.body()).isEqualTo(201);
            assertThat(partnerAsks(http).get("householdSize").asInt()).as("registered").isEqualTo(2);
            long householdsBefore = households(http);
            JdbcClient jdbc = service.getBean(JdbcClient.class);
            householdBytes.addAll(valuesHeldAbout(jdbc, householdId));
            neighbourBytes.addAll(valuesHeldAbout(jdbc, http.json(neighbours).get("id").asString()));
            assertThat(householdBytes).as("tokens, wrapped key").hasSizeGreaterThanOrEqualTo(5);

            HttpResponse<String> requested = send(http, applicant, "POST", "/api/v1/me/erasure-requests", "{}");
            assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
            String request = http.json(requested).get("id").asString();
            String dpo = http.token(Role.DPO);
            HttpResponse<String> decided = send(http, dpo, "POST", "/api/v1/dpo/erasure-requests/" + request + "/decision",
                    "{\"approve\":true}");
            assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
            JsonNode run = runErasureJob(http, dpo);
            assertThat(run.get("status").asString()).isEqualTo("COMPLETED");

            JsonNode outcome = http.json(send(http, applicant, "GET", "/api/v1/me/erasure-requests/" + request, null));
            assertThat(outcome.get("status").asString()).isEqualTo("COMPLETED");
            JWSObject certificate = JWSObject.parse(outcome.get("certificate").asString());
            assertThat(certificate.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.EdDSA);
            OctetKeyPair key = JWKSet.parse(send(http, null, "GET", "/oauth2/jwks", null).body())
                    .getKeyByKeyId(certificate.getHeader().getKeyID()).toOctetKeyPair();
            assertThat(certificate.verify(new Ed25519Verifier(key))).as("the certificate verifies with the published key").isTrue();
            Map<String, Object> claims = certificate.getPayload().toJSONObject();
            assertThat(claims).containsEntry("sub", householdId).containsEntry("type", "deletion-certificate");
            assertThat(certificate.getPayload().toString()).doesNotContain(HEAD_CNIC.substring(6, 13)).doesNotContain(HEAD_NAME);

            assertThat(send(http, applicant, "GET", "/api/v1/applications/" + householdId, null).statusCode()).isEqualTo(404);
            assertThat(send(http, applicant, "GET", "/api/v1/me/data", null).statusCode()).isEqualTo(404);
            assertThat(households(http)).isEqualTo(householdsBefore - 1);
            assertThat(send(http, neighbour, "GET", neighbours.headers().firstValue("Location").orElseThrow(), null)
                    .statusCode()).as("another household is untouched").isEqualTo(200);
            JsonNode answer = partnerAsks(http);
            assertThat(answer.get("eligible").asBoolean()).isFalse();
            assertThat(answer.get("householdSize").isNull()).as("not found any more").isTrue();
            JsonNode audit = http.json(send(http, http.token(Role.AUDITOR), "GET", "/api/v1/audit/verification", null));
            assertThat(audit.get("intact").asBoolean()).as("the audit chain still verifies").isTrue();
        }

        // H2 keeps a deleted row's old pages in the file until its store rewrites them (at close,
        // within a time budget); the operator's offline compaction rewrites only live pages.
        MVStoreTool.compact(dataDir.resolve("registry.mv.db").toString(), false);
        StoredBytes stored = StoredBytes.under(dataDir);
        assertThat(stored.containsText("Multan")).as("control: the neighbour's clear district")
                .isTrue();
        assertThat(stored.containsText(householdId)).as("the pseudonymous id is kept")
                .isTrue();
        for (String secret : List.of(HEAD_CNIC, HEAD_CNIC.replace("-", ""), SPOUSE_CNIC, SPOUSE_CNIC.replace("-", ""),
                HEAD_NAME, SPOUSE_NAME, "Mandokhel", ADDRESS, "Kuchlak", MOBILE, MOBILE.substring(3))) {
            assertThat(stored.containsText(secret)).as("database files contain %s", secret).isFalse();
            assertThat(output.getAll()).as("log contains %s", secret).doesNotContain(secret);
        }
        for (byte[] value : neighbourBytes) {
            assertThat(stored.contains(value)).as("control: the scan sees the neighbour's tokens and wrapped key").isTrue();
        }
        for (byte[] value : householdBytes) {
            String hex = HexFormat.of().formatHex(value);
            assertThat(stored.contains(value)).as("database files contain a value the household held").isFalse();
            assertThat(stored.containsText(hex)).as("database files contain %s", hex).isFalse();
            assertThat(output.getAll()).doesNotContain(hex);
        }

        try (ConfigurableApplicationContext service = start(dataDir)) {
            Http http = http(service);
            HttpResponse<String> again = send(http, http.applicantToken(MOBILE), "POST", "/api/v1/applications", application());
            assertThat(again.statusCode()).as("the person may register again: " + again.body()).isEqualTo(201);
            assertThat(http.json(again).get("id").asString()).isNotEqualTo(householdId);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(RegistryApplication.class).profiles("demo")
                .run("--registry.data-dir=" + dataDir, "--server.port=0", "--spring.main.banner-mode=off",
                        "--logging.level.pk.registry=DEBUG", "--logging.level.org.springframework.jdbc=DEBUG");
    }

    private static Http http(ConfigurableApplicationContext service) {
        return new Http(service.getEnvironment(), service.getBean(JwtEncoder.class), service.getBean(JsonMapper.class));
    }

    /** What the household's rows hold that would identify it: CNIC and mobile blind indexes, the wrapped data key. */
    private static List<byte[]> valuesHeldAbout(JdbcClient jdbc, String householdId) {
        List<byte[]> values = new ArrayList<>(jdbc.sql("SELECT cnic_token FROM household_cnic WHERE household_id = :id")
                .param("id", householdId).query((rs, row) -> rs.getBytes(1)).list());
        Map<String, Object> household = jdbc.sql("SELECT owner_token, mobile_token, data_key FROM household WHERE id = :id")
                .param("id", householdId).query().singleRow();
        household.values().forEach(value -> values.add((byte[]) value));
        return values;
    }

    private JsonNode runErasureJob(Http http, String dpo) throws InterruptedException {
        HttpResponse<String> started = send(http, dpo, "POST", "/api/v1/dpo/jobs/erasure", "{\"dryRun\":false}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode run = http.json(send(http, dpo, "GET", location, null));
            String status = run.get("status").asString();
            if (!status.startsWith("START") || System.nanoTime() > deadline) {
                return run;
            }
            Thread.sleep(100);
        }
    }

    private JsonNode partnerAsks(Http http) {
        HttpResponse<String> answer = send(http, http.token(Role.PARTNER), "POST", "/api/v1/verifications",
                "{\"cnic\":\"" + HEAD_CNIC + "\",\"programme\":\"CASH_TRANSFER\",\"purpose\":\"ELIGIBILITY_ASSESSMENT\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return http.json(answer);
    }

    private long households(Http http) {
        return http.json(send(http, http.token(Role.AUDITOR), "GET", "/api/v1/statistics", null)).get("households").asLong();
    }

    private static HttpResponse<String> send(Http http, String token, String method, String path, String body) {
        HttpRequest.Builder request = http.request(path).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request);
    }

    private static String application() {
        return """
                {"household":{"district":"Bahawalpur","tehsil":"Ahmadpur East","address":"%s","mobile":"%s","dwelling":"RENTED",
                  "rooms":1,"members":[
                  {"cnic":"%s","fullName":"%s","relationship":"HEAD","gender":"F","dateOfBirth":"1980-03-03","monthlyIncomePkr":12000},
                  {"cnic":"%s","fullName":"%s","relationship":"SPOUSE","gender":"M","dateOfBirth":"1978-08-08","disability":true}]},
                 "consent":{"policyVersion":"2025-01","purposes":["IDENTITY_VERIFICATION","ELIGIBILITY_ASSESSMENT"]}}"""
                .formatted(ADDRESS, "0" + MOBILE.substring(3), HEAD_CNIC, HEAD_NAME, SPOUSE_CNIC, SPOUSE_NAME);
    }

    private static String neighbour() {
        return """
                {"household":{"district":"Multan","tehsil":"Shujabad","address":"Street 2 Ghanta Ghar Chowk","mobile":"%s",
                  "dwelling":"OWNED","rooms":2,"members":[
                  {"cnic":"36302-8811223-5","fullName":"Neighbour Head","relationship":"HEAD","gender":"M","dateOfBirth":"1970-01-01","monthlyIncomePkr":30000}]},
                 "consent":{"policyVersion":"2025-01","purposes":["IDENTITY_VERIFICATION","ELIGIBILITY_ASSESSMENT"]}}"""
                .formatted("0" + NEIGHBOUR_MOBILE.substring(3));
    }
}
