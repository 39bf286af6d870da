package pk.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.h2.mvstore.MVStoreTool;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.JwtEncoder;

import pk.registry.imports.ImportFiles;
import pk.registry.kernel.Role;
import pk.registry.sharing.dci.testing.DciMessages;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The leak scan (ASVS V14): one service run in which every role uses every flow with personal
 * data of its own (sign-in by text, an application, consents, a correction and a complaint, an
 * erasure request and its refusal, a legal hold, a field officer's CSV import with a refused
 * household and its error report, partners' own and DCI answers, the DCI search under a
 * transaction id and a reference id of the partner's that hold a CNIC and a name, the DPO's dry
 * runs, the auditor's and the admin's reads). Then the whole log, at DEBUG for the registry, JDBC,
 * Spring Batch and Spring Security, and every file under the data directory (the H2 files
 * compacted, keys, staged uploads, error reports) are searched for every CNIC, name, mobile
 * and address the run used: no hit at all, since personal data is stored only inside
 * encrypted columns. Clear-text control values show that the scan sees what is there. And no
 * operation of the API takes personal data in its URL.
 */
@ExtendWith(OutputCaptureExtension.class)
class LeakScanFunctionalTests {

    private static final String MOBILE = "03214567801";
    private static final String HEAD_CNIC = "38403-9081726-4";
    private static final String HEAD_NAME = "Nasreen Kharal";
    private static final String SPOUSE_CNIC = "38403-6655443-3";
    private static final String SPOUSE_NAME = "شگفتہ پروین";
    private static final String CHILD_NAME = "Ahmer Kharal";
    private static final String ADDRESS = "Gali Shahtoot Wali Mohalla Kharalan 17";
    private static final String NEW_ADDRESS = "Mohalla Sheesh Mahal Gali 4";

    private static final String OFFICERS_HEAD_CNIC = "35202-4455667-1";
    private static final String OFFICERS_HEAD = "Qurban Wattoo";
    private static final String OFFICERS_SPOUSE_CNIC = "35202-7788990-2";
    private static final String OFFICERS_SPOUSE = "Haleema Wattoo";
    private static final String OFFICERS_MOBILE = "03451239870";
    private static final String OFFICERS_ADDRESS = "Chak 47 Wattoo Colony";
    private static final String REFUSED_CNIC = "35202-1122334-5";
    private static final String REFUSED_NAME = "Munawar Dasti";
    /** The ids a DCI partner chose for its search and message: anything, a CNIC and a name too. */
    private static final String DCI_TRANSACTION_ID = "case 38403-5566778-1 Ghulam Sarwar";
    private static final String DCI_REFERENCE_ID = "ref 3840399887766 Razia";
    private static final String DCI_MESSAGE_ID = "msg 38403-4455667-2 Nazir Bhatti";

    private static final Pattern CODE = Pattern.compile("code is (\\d{6})");
    private static final Pattern PERSONAL = Pattern.compile("(?i).*(cnic|mobile|phone|msisdn|name|address|dob|birth).*");

    @Test
    void noRoleAndNoFlowLeavesPersonalDataInTheLogsOrTheFiles(@TempDir Path dataDir, CapturedOutput output)
            throws Exception {
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(RegistryApplication.class)
                .profiles("demo")
                .run("--registry.data-dir=" + dataDir, "--server.port=0", "--spring.main.banner-mode=off",
                        "--logging.level.pk.registry=DEBUG", "--logging.level.org.springframework.jdbc=DEBUG",
                        "--logging.level.org.springframework.batch=DEBUG",
                        "--logging.level.org.springframework.security=DEBUG",
                        "--logging.level.org.springframework.transaction=DEBUG")) {
            Http http = new Http(service.getEnvironment(), service.getBean(JwtEncoder.class),
                    service.getBean(JsonMapper.class));
            Scenario scenario = new Scenario(http);
            String household = scenario.applicantRegistersAndUsesTheirRights();
            scenario.fieldOfficerImports();
            scenario.partnersAsk();
            scenario.dpoAndOfficerDecide(household);
            scenario.auditorAndAdminRead();
            assertThat(personalDataInUrls(http)).as("operations with personal data in their URL").isEmpty();
        }

        MVStoreTool.compact(dataDir.resolve("registry.mv.db").toString(), false);
        StoredBytes stored = StoredBytes.under(dataDir);
        for (String control : List.of("Kasur", "Lahore")) {
            assertThat(stored.containsText(control)).as("control: the clear district %s", control).isTrue();
        }
        assertThat(output.getAll()).as("control: the log is captured, at DEBUG").contains("Started ").contains(" DEBUG ");
        for (String secret : secrets()) {
            assertThat(stored.containsText(secret)).as("the data directory contains %s", secret).isFalse();
            assertThat(output.getAll()).as("the log contains %s", secret).doesNotContain(secret);
        }
    }

    /** Every spelling of every personal value the run used. */
    private static List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        for (String cnic : List.of(HEAD_CNIC, SPOUSE_CNIC, OFFICERS_HEAD_CNIC, OFFICERS_SPOUSE_CNIC, REFUSED_CNIC)) {
            secrets.add(cnic);
            secrets.add(cnic.replace("-", ""));
        }
        for (String mobile : List.of(MOBILE, OFFICERS_MOBILE)) {
            secrets.add(mobile);
            secrets.add(mobile.substring(1));
        }
        secrets.addAll(List.of(HEAD_NAME, "Kharal", SPOUSE_NAME, CHILD_NAME, OFFICERS_HEAD, OFFICERS_SPOUSE, "Wattoo",
                REFUSED_NAME, "Dasti", ADDRESS, "Shahtoot", NEW_ADDRESS, "Sheesh Mahal", OFFICERS_ADDRESS));
        secrets.addAll(List.of(DCI_TRANSACTION_ID, "5566778", "Ghulam Sarwar", DCI_REFERENCE_ID, "3840399887766", "Razia",
                DCI_MESSAGE_ID, "4455667", "Nazir Bhatti"));
        return secrets;
    }

    /** Parameters of any operation (path, query, header) whose name says it carries personal data. */
    private static List<String> personalDataInUrls(Http http) {
        JsonNode paths = http.json(http.get("/v3/api-docs")).get("paths");
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            if (PERSONAL.matcher(path.getKey()).matches()) {
                found.add(path.getKey());
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                JsonNode parameters = operation.getValue().path("parameters");
                for (JsonNode parameter : parameters) {
                    String name = parameter.get("name").asString();
                    if (PERSONAL.matcher(name).matches() && !"cookie".equals(parameter.get("in").asString())) {
                        found.add(operation.getKey().toUpperCase() + " " + path.getKey() + " ?" + name);
                    }
                }
            }
        }
        return found;
    }

    /** The calls of each role, each checked for its status so that a failed step cannot pass as clean. */
    private static final class Scenario {

        private final Http http;
        private @Nullable String applicant;
        private @Nullable String complaint;
        private @Nullable String correction;
        private @Nullable String erasureRequest;

        Scenario(Http http) {
            this.http = http;
        }

        String applicantRegistersAndUsesTheirRights() {
            send(null, "POST", "/api/v1/auth/otp", "{\"mobile\":\"" + MOBILE + "\"}", 202);
            Matcher code = CODE.matcher(send(null, "POST", "/api/v1/demo/sms-outbox", "{\"mobile\":\"" + MOBILE + "\"}", 200)
                    .body());
            assertThat(code.find()).as("the code was texted").isTrue();
            applicant = http.json(send(null, "POST", "/api/v1/auth/otp/verify",
                    "{\"mobile\":\"" + MOBILE + "\",\"code\":\"" + code.group(1) + "\"}", 200)).get("access_token").asString();

            HttpResponse<String> created = send(applicant, "POST", "/api/v1/applications", application(), 201);
            String household = http.json(created).get("id").asString();
            assertThat(send(applicant, "GET", created.headers().firstValue("Location").orElseThrow(), null, 200).body())
                    .contains(HEAD_NAME).contains(SPOUSE_NAME).contains(ADDRESS);
            send(applicant, "GET", "/api/v1/me/consents", null, 200);
            send(applicant, "POST", "/api/v1/me/consents/withdrawals", "{\"purpose\":\"COMMUNICATION\"}", 204);
            correction = id(send(applicant, "POST", "/api/v1/me/corrections",
                    "{\"kind\":\"CORRECTION\",\"field\":\"address\",\"proposedValue\":\"" + NEW_ADDRESS
                            + "\",\"note\":\"" + HEAD_NAME + " moved\"}", 201));
            send(applicant, "POST", "/api/v1/me/corrections",
                    "{\"kind\":\"ANNOTATION\",\"note\":\"" + SPOUSE_NAME + " is disabled since 2024\"}", 201);
            complaint = id(send(applicant, "POST", "/api/v1/me/complaints",
                    "{\"text\":\"" + CHILD_NAME + " was left out, my CNIC is " + HEAD_CNIC + "\"}", 201));
            erasureRequest = id(send(applicant, "POST", "/api/v1/me/erasure-requests", "{}", 201));
            return household;
        }

        void fieldOfficerImports() throws InterruptedException {
            ImportFiles file = new ImportFiles();
            List<Map<String, String>> stored = file.household("LEAK-1");
            stored.get(0).putAll(Map.of("cnic", OFFICERS_HEAD_CNIC, "full_name", OFFICERS_HEAD, "mobile", OFFICERS_MOBILE,
                    "address", OFFICERS_ADDRESS));
            stored.get(1).putAll(Map.of("cnic", OFFICERS_SPOUSE_CNIC, "full_name", OFFICERS_SPOUSE));
            List<Map<String, String>> refused = file.household("LEAK-2");
            refused.get(0).putAll(Map.of("cnic", REFUSED_CNIC, "full_name", REFUSED_NAME, "rooms", "0"));
            String officer = http.token(Role.FIELD_OFFICER);
            HttpResponse<String> accepted = http.send(Http.csvUpload(http.request("/api/v1/imports")
                    .header("Authorization", "Bearer " + officer), file.csv()));
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String location = accepted.headers().firstValue("Location").orElseThrow();
            JsonNode status = await(officer, location, "status", "COMPLETED|FAILED");
            assertThat(status.get("householdsStored").asLong()).isEqualTo(1);
            assertThat(status.get("householdsRejected").asLong()).isEqualTo(1);
            assertThat(send(officer, "GET", location + "/errors", null, 200).body()).contains("LEAK-2,rooms");
        }

        void partnersAsk() {
            String partner = http.token(Role.PARTNER);
            JsonNode answer = http.json(send(partner, "POST", "/api/v1/verifications", "{\"cnic\":\"" + HEAD_CNIC
                    + "\",\"programme\":\"CASH_TRANSFER\",\"purpose\":\"ELIGIBILITY_ASSESSMENT\"}", 200));
            assertThat(answer.get("maskedCnic").asString()).isEqualTo("38403-*******-4");
            ObjectNode request = DciMessages.search(
                    DciMessages.searchEntry(DCI_REFERENCE_ID, "NationalID", OFFICERS_HEAD_CNIC.replace("-", "")),
                    DciMessages.searchEntry("unknown", "CNIC", REFUSED_CNIC));
            ((ObjectNode) request.get("message")).put("transaction_id", DCI_TRANSACTION_ID);
            ((ObjectNode) request.get("header")).put("message_id", DCI_MESSAGE_ID);
            String search = DciMessages.text(request);
            HttpResponse<String> searched = http.send(http.request("/registry/sync/search")
                    .header("Authorization", "Bearer " + partner).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(search)));
            assertThat(searched.statusCode()).as(searched.body()).isEqualTo(200);
            assertThat(searched.body()).contains("\"succ\"").doesNotContain(OFFICERS_HEAD_CNIC.substring(6, 13));
            send(applicant, "GET", "/api/v1/me/disclosures", null, 200);
            assertThat(send(applicant, "GET", "/api/v1/me/data", null, 200).body()).contains(HEAD_NAME);
        }

        void dpoAndOfficerDecide(String household) throws InterruptedException {
            String dpo = http.token(Role.DPO);
            send(http.token(Role.FIELD_OFFICER), "POST", "/api/v1/dpo/corrections/" + correction + "/decision",
                    "{\"approve\":true,\"note\":\"Seen " + HEAD_NAME + " at the door\"}", 200);
            send(dpo, "POST", "/api/v1/dpo/complaints/" + complaint + "/answer", "{\"answer\":\"Added after a visit\"}", 200);
            send(dpo, "POST", "/api/v1/dpo/erasure-requests/" + erasureRequest + "/decision",
                    "{\"approve\":false,\"ground\":\"OPEN_FRAUD_CASE\",\"note\":\"State v. " + HEAD_NAME + "\"}", 200);
            String hold = id(send(dpo, "POST", "/api/v1/dpo/legal-holds", "{\"household\":\"" + household
                    + "\",\"reason\":\"FRAUD_INVESTIGATION\",\"reference\":\"FIA v. " + CHILD_NAME + "\"}", 201));
            send(dpo, "POST", "/api/v1/dpo/disclosures", "{\"household\":\"" + household + "\",\"authority\":\"Court of "
                    + CHILD_NAME + "\",\"legalReference\":\"State v. " + HEAD_NAME + "\",\"categories\":[\"IDENTITY\"]}", 204);
            for (String job : List.of("/api/v1/dpo/jobs/retention", "/api/v1/dpo/jobs/erasure")) {
                String location = send(dpo, "POST", job, "{\"dryRun\":true}", 202).headers().firstValue("Location")
                        .orElseThrow();
                assertThat(await(dpo, location, "status", "COMPLETED|FAILED|STOPPED").get("status").asString())
                        .isEqualTo("COMPLETED");
            }
            send(dpo, "DELETE", "/api/v1/dpo/legal-holds/" + hold, null, 200);
            assertThat(send(applicant, "GET", "/api/v1/me/data", null, 200).body()).contains(NEW_ADDRESS)
                    .contains("Added after a visit");
        }

        void auditorAndAdminRead() {
            String auditor = http.token(Role.AUDITOR);
            send(auditor, "GET", "/api/v1/statistics", null, 200);
            send(auditor, "GET", "/api/v1/audit/events", null, 200);
            assertThat(http.json(send(auditor, "GET", "/api/v1/audit/verification", null, 200)).get("intact").asBoolean())
                    .isTrue();
            String admin = http.token(Role.ADMIN);
            send(admin, "GET", "/api/v1/admin/partners", null, 200);
            send(admin, "GET", "/api/v1/admin/programmes", null, 200);
        }

        private JsonNode await(String token, String location, String field, String ended) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (true) {
                JsonNode status = http.json(send(token, "GET", location, null, 200));
                if (status.get(field).asString().matches(ended) || System.nanoTime() > deadline) {
                    return status;
                }
                Thread.sleep(100);
            }
        }

        private String id(HttpResponse<String> response) {
            return http.json(response).get("id").asString();
        }

        private HttpResponse<String> send(@Nullable String token, String method, String path, @Nullable String body,
                int expected) {
            HttpRequest.Builder request = http.request(path).method(method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = http.send(request);
            assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
            return response;
        }
    }

    private static String application() {
        return """
                {"household":{"district":"Kasur","tehsil":"Chunian","address":"%s","mobile":"%s","dwelling":"RENTED",
                  "rooms":1,"members":[
                  {"cnic":"%s","fullName":"%s","relationship":"HEAD","gender":"F","dateOfBirth":"1981-02-02","monthlyIncomePkr":9000},
                  {"cnic":"%s","fullName":"%s","relationship":"SPOUSE","gender":"M","dateOfBirth":"1977-09-09","disability":true},
                  {"fullName":"%s","relationship":"SON","gender":"M","dateOfBirth":"2017-04-04"}]},
                 "consent":{"policyVersion":"2025-01","purposes":["IDENTITY_VERIFICATION","ELIGIBILITY_ASSESSMENT","COMMUNICATION"]}}"""
                .formatted(ADDRESS, MOBILE, HEAD_CNIC, HEAD_NAME, SPOUSE_CNIC, SPOUSE_NAME, CHILD_NAME);
    }
}
