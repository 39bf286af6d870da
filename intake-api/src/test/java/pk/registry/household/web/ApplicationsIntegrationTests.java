package pk.registry.household.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import pk.registry.Http;
import pk.registry.RegistryIntegrationTest;
import pk.registry.kernel.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Submitting and reading applications: ownership, idempotency, registry-wide CNIC uniqueness, audit. */
@RegistryIntegrationTest
class ApplicationsIntegrationTests {

    @Autowired
    Http http;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anApplicantSubmitsAndReadsTheirApplication() {
        String applicant = http.applicantToken("+923005550001");
        ObjectNode body = SampleHouseholds.application(json, "Lahore", "03005550001");

        HttpResponse<String> created = submit(applicant, body, null);

        assertThat(created.statusCode()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/api/v1/applications/[0-9a-f-]{36}");
        HttpResponse<String> read = http.getAs(applicant, location);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        JsonNode application = http.json(read);
        assertThat(application.get("status").asString()).isEqualTo("SUBMITTED");
        JsonNode household = application.get("household");
        assertThat(household.get("mobile").asString()).isEqualTo("+923005550001");
        assertThat(household.get("district").asString()).isEqualTo("Lahore");
        assertThat(household.get("members")).hasSize(3);
        assertThat(household.get("members").get(0).get("cnic").asString())
                .isEqualTo(body.get("household").get("members").get(0).get("cnic").asString().replace("-", ""));
        assertThat(household.get("members").get(1).get("fullName").asString()).isEqualTo("نسرین بی بی");
        assertThat(application.get("consents").get(0).get("policyVersion").asString()).isEqualTo("2025-01");
        assertThat(application.get("consents").get(0).get("method").asString()).isEqualTo("ONLINE");
    }

    @Test
    void theLargestHouseholdTheRulesAllowComesBackWhole() {
        String applicant = http.applicantToken("+923005550012");
        ObjectNode body = SampleHouseholds.application(json, "Lahore", "03005550012");
        var members = (tools.jackson.databind.node.ArrayNode) body.get("household").get("members");
        String longName = "محمد " + "عبدالرحمٰن ".repeat(8).strip();
        while (members.size() < 50) {
            members.addObject().put("cnic", SampleHouseholds.newCnic('M')).put("fullName", longName)
                    .put("relationship", "BROTHER").put("gender", "M").put("dateOfBirth", "1990-01-0" + (members.size() % 9 + 1))
                    .put("education", "GRADUATE").put("employment", "EMPLOYED").put("monthlyIncomePkr", members.size());
        }

        HttpResponse<String> created = submit(applicant, body, null);

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode stored = http.json(http.getAs(applicant, created.headers().firstValue("Location").orElseThrow()))
                .get("household").get("members");
        assertThat(stored).hasSize(50);
        for (int position = 0; position < 50; position++) {
            JsonNode sent = body.get("household").get("members").get(position);
            assertThat(stored.get(position).get("fullName").asString()).isEqualTo(sent.get("fullName").asString());
            assertThat(stored.get(position).get("relationship").asString()).isEqualTo(sent.get("relationship").asString());
        }
        assertThat(stored.get(49).get("monthlyIncomePkr").asLong())
                .isEqualTo(body.get("household").get("members").get(49).get("monthlyIncomePkr").asLong());
    }

    @Test
    void aMobileTypedIntoSomeoneElsesFormGivesItsOwnerNothingOfThatHousehold() {
        String victim = http.applicantToken("+923005550002");
        String own = submit(victim, SampleHouseholds.application(json, "Lahore", "03005550002"), null)
                .headers().firstValue("Location").orElseThrow();
        String attacker = http.applicantToken("+923005550003");
        String planted = submit(attacker, SampleHouseholds.application(json, "Lahore", "03005550002"), null)
                .headers().firstValue("Location").orElseThrow();

        assertThat(http.getAs(victim, planted).statusCode()).as("the planted household is not the victim's").isEqualTo(404);
        assertThat(http.getAs(attacker, planted).statusCode()).as("it is its submitter's").isEqualTo(200);
        JsonNode consents = http.json(http.getAs(victim, "/api/v1/me/consents"));
        assertThat(consents).hasSize(1);
        String receipt = consents.get(0).get("receipt").asString();
        String subject = http.json(new String(java.util.Base64.getUrlDecoder().decode(receipt.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8)).get("sub").asString();
        assertThat(subject).as("the victim's consents are still their own household's")
                .isEqualTo(own.substring(own.lastIndexOf('/') + 1));
    }

    @Test
    void someoneElsesApplicationIsNotFound() {
        String location = submit(http.applicantToken("+923005550004"),
                SampleHouseholds.application(json, "Lahore", "03005550004"), null).headers().firstValue("Location").orElseThrow();

        HttpResponse<String> response = http.getAs(http.applicantToken("+923005550005"), location);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertThat(jdbc.sql("SELECT outcome FROM audit_event WHERE household_id = :id AND action = 'HOUSEHOLD_READ'")
                .param("id", id).query(String.class).list()).containsExactly("DENIED");
        assertThat(http.getAs(http.applicantToken("+923005550005"), "/api/v1/applications/" + java.util.UUID.randomUUID())
                .statusCode()).isEqualTo(404);
    }

    @Test
    void fieldOfficersReadHouseholdsOfTheirDistrictsOnlyAndEachReadIsAudited() {
        String lahore = submit(http.applicantToken("+923005550006"),
                SampleHouseholds.application(json, "Kasur", "03005550006"), null).headers().firstValue("Location").orElseThrow();
        String multan = submit(http.applicantToken("+923005550007"),
                SampleHouseholds.application(json, "Multan", "03005550007"), null).headers().firstValue("Location").orElseThrow();
        String officer = http.token(Role.FIELD_OFFICER);

        assertThat(http.getAs(officer, lahore).statusCode()).isEqualTo(200);
        assertThat(http.getAs(officer, multan).statusCode()).isEqualTo(404);

        String id = lahore.substring(lahore.lastIndexOf('/') + 1);
        List<String> reads = jdbc.sql("""
                SELECT actor || ' ' || actor_role || ' ' || purpose || ' ' || outcome FROM audit_event
                WHERE household_id = :id AND action = 'HOUSEHOLD_READ'""").param("id", id).query(String.class).list();
        assertThat(reads).containsExactly("client:demo-field-officer FIELD_OFFICER ELIGIBILITY_ASSESSMENT SUCCESS");
    }

    @Test
    void theSameIdempotencyKeyAndBodyReturnTheFirstResult() {
        String applicant = http.applicantToken("+923005550008");
        ObjectNode body = SampleHouseholds.application(json, "Lahore", "03005550008");

        HttpResponse<String> first = submit(applicant, body, "key-1");
        HttpResponse<String> again = submit(applicant, body, "key-1");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(again.body()).isEqualTo(first.body());
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsUnprocessable() {
        String applicant = http.applicantToken("+923005550009");
        submit(applicant, SampleHouseholds.application(json, "Lahore", "03005550009"), "key-2");

        HttpResponse<String> response = submit(applicant, SampleHouseholds.application(json, "Lahore", "03005550009"), "key-2");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void aCnicOfAnotherHouseholdIsAConflictThatNamesNoHousehold() {
        ObjectNode first = SampleHouseholds.application(json, "Lahore", "03005550010");
        String location = submit(http.applicantToken("+923005550010"), first, null).headers().firstValue("Location").orElseThrow();
        ObjectNode second = SampleHouseholds.application(json, "Lahore", "03005550011");
        String sharedCnic = first.get("household").get("members").get(1).get("cnic").asString();
        ((ObjectNode) second.get("household").get("members").get(1)).put("cnic", sharedCnic.replace("-", ""));

        HttpResponse<String> response = submit(http.applicantToken("+923005550011"), second, null);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(http.json(response).get("errors").get(0).get("field").asString()).isEqualTo("household.members[1].cnic");
        assertThat(response.body()).doesNotContain(location.substring(location.lastIndexOf('/') + 1))
                .doesNotContain(sharedCnic).doesNotContain(sharedCnic.replace("-", ""));
    }

    @Test
    void concurrentSubmissionsOfOneCnicStoreExactlyOneHousehold() throws Exception {
        String cnic = SampleHouseholds.newCnic('M');
        int submitters = 16;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < submitters; i++) {
            String mobile = "0300777%04d".formatted(i);
            ObjectNode body = SampleHouseholds.application(json, "Lahore", mobile);
            ((ObjectNode) body.get("household").get("members").get(0)).put("cnic", cnic);
            String token = http.applicantToken("+92" + mobile.substring(1));
            calls.add(() -> {
                start.await();
                return submit(token, body, null).statusCode();
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(submitters);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (Callable<Integer> call : calls) {
                results.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
            assertThat(statuses).filteredOn(status -> status == 409).hasSize(submitters - 1);
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void statisticsAreAggregatesWithSmallCellsSuppressed() {
        for (int i = 0; i < 10; i++) {
            submit(http.applicantToken("+92300888%04d".formatted(i)),
                    SampleHouseholds.application(json, "Rawalpindi", "0300888%04d".formatted(i)), null);
        }
        // Two small cells of 4 and 6 households, hidden, whose sum (10) needs no further cell hidden whatever other
        // tests stored; their persons (12 and 18) are shown.
        for (int i = 0; i < 10; i++) {
            String district = i < 4 ? "Chakwal" : "Attock";
            submit(http.applicantToken("+92300889%04d".formatted(i)),
                    SampleHouseholds.application(json, district, "0300889%04d".formatted(i)), null);
        }

        for (Role role : List.of(Role.AUDITOR, Role.DPO, Role.ADMIN)) {
            HttpResponse<String> response = http.getAs(http.token(role), "/api/v1/statistics");
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode statistics = http.json(response);
            assertThat(statistics.get("households").asLong()).isGreaterThanOrEqualTo(11);
            JsonNode rawalpindi = district(statistics, "Rawalpindi");
            assertThat(rawalpindi.get("households").asLong()).isEqualTo(10);
            assertThat(rawalpindi.get("persons").asLong()).isEqualTo(30);
            assertThat(district(statistics, "Chakwal").get("households").isNull()).isTrue();
            assertThat(district(statistics, "Attock").get("households").isNull()).isTrue();
            assertThat(district(statistics, "Chakwal").get("persons").asLong()).isEqualTo(12);
            assertThat(response.body()).doesNotContain("03008890000").doesNotContain("Model Town");
        }
    }

    private static JsonNode district(JsonNode statistics, String name) {
        for (JsonNode district : statistics.get("districts")) {
            if (district.get("district").asString().equals(name)) {
                return district;
            }
        }
        throw new AssertionError("no district " + name);
    }

    private HttpResponse<String> submit(String token, ObjectNode body, String idempotencyKey) {
        return http.postJsonAs(token, "/api/v1/applications", json.writeValueAsString(body), idempotencyKey);
    }
}
