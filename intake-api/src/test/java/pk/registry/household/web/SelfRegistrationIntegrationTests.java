package pk.registry.household.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import pk.registry.Http;
import pk.registry.RegistryIntegrationTest;
import pk.registry.household.HeadIdentityCheck;
import pk.registry.kernel.MobileNumber;
import pk.registry.kernel.Pakistan;
import pk.registry.kernel.Role;
import pk.registry.keys.BlindIndex;
import pk.testsupport.TestClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Identity squatting bounded (OWASP API6): one household per applicant, even under concurrent
 * submissions; conflicts recorded for the DPO, without a CNIC; a daily quota of them, after which
 * nothing is checked; the head's CNIC confirmed against the signed-in mobile.
 * Its own context: the identity check is a spy, so that a test can make it unavailable.
 */
@RegistryIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SelfRegistrationIntegrationTests {

    /** Listed in the test profile's SIM owners with {@link #LISTED_OWNER}. */
    private static final String LISTED_MOBILE = "03009990001";
    private static final String LISTED_OWNER = "35202-9990001-1";
    private static final AtomicLong MOBILES = new AtomicLong();

    @Autowired
    Http http;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    BlindIndex blindIndex;

    @MockitoSpyBean
    HeadIdentityCheck identity;

    @Test
    void aSecondHouseholdOfTheSameApplicantIsAConflictPointingToCorrections() {
        String mobile = newMobile();
        String applicant = token(mobile);
        String first = id(submit(applicant, application(mobile), null));
        long households = households();

        HttpResponse<String> second = submit(applicant, application(mobile), null);

        assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
        assertThat(second.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = http.json(second);
        assertThat(problem.get("code").asString()).isEqualTo("household-already-registered");
        assertThat(problem.get("type").asString()).isEqualTo("urn:registry:problem:household-already-registered");
        assertThat(problem.get("corrections").asString()).isEqualTo("/api/v1/me/corrections");
        assertThat(problem.get("detail").asString()).contains("/api/v1/me/corrections").doesNotContain(first);
        assertThat(households()).isEqualTo(households);
        assertThat(conflicts(mobile)).containsExactly(Map.of("kind", "SECOND_HOUSEHOLD", "household", first));
    }

    @Test
    void anIdempotentReplayStillReturnsTheRegistrationItMade() {
        String mobile = newMobile();
        String applicant = token(mobile);
        ObjectNode body = application(mobile);
        HttpResponse<String> first = submit(applicant, body, "squat-key-1");

        HttpResponse<String> again = submit(applicant, body, "squat-key-1");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).as(again.body()).isIn(200, 201);
        assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(conflicts(mobile)).isEmpty();
    }

    @Test
    void aCnicOfAnotherHouseholdIsRecordedWithThatHouseholdAndThePositionsButNoCnic(CapturedOutput output) {
        String ownerMobile = newMobile();
        ObjectNode registered = application(ownerMobile);
        String holder = id(submit(token(ownerMobile), registered, null));
        String squatter = newMobile();
        ObjectNode squatting = application(squatter);
        String cnic = registered.get("household").get("members").get(1).get("cnic").asString();
        member(squatting, 1).put("cnic", cnic);

        HttpResponse<String> refused = submit(token(squatter), squatting, null);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(http.json(refused).get("code").asString()).isEqualTo("cnic-already-registered");
        assertThat(refused.body()).doesNotContain(holder);
        assertThat(conflicts(squatter)).containsExactly(Map.of("kind", "CNIC_REGISTERED", "household", holder,
                "positions", "1"));
        String digits = cnic.replace("-", "");
        List<String> stored = jdbc.sql("SELECT id || '|' || kind || '|' || RAWTOHEX(applicant_token) || '|' || household_id"
                + " || '|' || member_positions FROM registration_conflict").query(String.class).list();
        assertThat(stored).noneMatch(row -> row.contains(digits) || row.contains(cnic) || row.contains(squatter.substring(1)));
        assertThat(output.getAll()).doesNotContain(digits).doesNotContain(cnic).doesNotContain(squatter.substring(1));
    }

    @Test
    void afterTheDaysQuotaEverySubmissionIs429UntilMidnightInPakistanAndNothingIsChecked() {
        String victimMobile = newMobile();
        ObjectNode victim = application(victimMobile);
        submit(token(victimMobile), victim, null);
        String mobile = newMobile();
        String squatter = token(mobile);
        for (int i = 0; i < 3; i++) {
            ObjectNode squatting = application(mobile);
            member(squatting, 0).put("cnic", victim.get("household").get("members").get(0).get("cnic").asString());
            assertThat(submit(squatter, squatting, null).statusCode()).isEqualTo(409);
        }
        long households = households();
        clearInvocations(identity);

        HttpResponse<String> refused = submit(squatter, application(mobile), null);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(http.json(refused).get("code").asString()).isEqualTo("registration-quota-exhausted");
        Instant now = clock.instant();
        long untilMidnight = Duration.between(now,
                LocalDate.ofInstant(now, Pakistan.ZONE).plusDays(1).atStartOfDay(Pakistan.ZONE).toInstant()).toSeconds();
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(untilMidnight, untilMidnight + 1);
        assertThat(households()).as("nothing stored").isEqualTo(households);
        assertThat(conflicts(mobile)).as("nothing more recorded").hasSize(3);
        verify(identity, never()).check(any(), any());

        clock.advance(Duration.ofSeconds(untilMidnight + 1));
        try {
            assertThat(submit(squatter, application(mobile), null).statusCode()).as("a new day").isEqualTo(201);
        }
        finally {
            clock.reset();
        }
    }

    @Test
    void aHeadCnicThatDoesNotOwnTheListedMobileIsForbiddenAndRecorded() {
        String applicant = token(LISTED_MOBILE);
        long households = households();

        HttpResponse<String> refused = submit(applicant, application(LISTED_MOBILE), null);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(http.json(refused).get("code").asString()).isEqualTo("identity-not-confirmed");
        assertThat(households()).isEqualTo(households);
        assertThat(conflicts(LISTED_MOBILE)).containsExactly(Map.of("kind", "IDENTITY_NOT_CONFIRMED"));

        ObjectNode own = application(LISTED_MOBILE);
        member(own, 0).put("cnic", LISTED_OWNER);
        HttpResponse<String> accepted = submit(applicant, own, null);
        assertThat(accepted.statusCode()).as("the SIM's owner as head: " + accepted.body()).isEqualTo(201);
    }

    @Test
    void anUnavailableIdentityCheckIs503WithRetryAfterAndStoresNothing() {
        String mobile = newMobile();
        doReturn(HeadIdentityCheck.Answer.UNAVAILABLE).when(identity).check(any(), eq(MobileNumber.parse(mobile)));
        long households = households();
        long keys = jdbc.sql("SELECT COUNT(*) FROM idempotency_key").query(Long.class).single();

        HttpResponse<String> refused = submit(token(mobile), application(mobile), "squat-key-2");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(http.json(refused).get("code").asString()).isEqualTo("identity-check-unavailable");
        assertThat(households()).isEqualTo(households);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM idempotency_key").query(Long.class).single()).isEqualTo(keys);
        assertThat(conflicts(mobile)).isEmpty();
    }

    @Test
    void onlyTheDpoReadsTheConflictsNewestFirst() {
        String mobile = newMobile();
        String applicant = token(mobile);
        String own = id(submit(applicant, application(mobile), null));
        submit(applicant, application(mobile), null);
        clock.advance(Duration.ofSeconds(1));
        try {
            submit(applicant, application(mobile), null);
        }
        finally {
            clock.reset();
        }

        HttpResponse<String> page = http.getAs(http.token(Role.DPO), "/api/v1/dpo/registration-conflicts?size=1");

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        JsonNode conflicts = http.json(page).get("conflicts");
        assertThat(conflicts).hasSize(1);
        assertThat(conflicts.get(0).get("kind").asString()).isEqualTo("SECOND_HOUSEHOLD");
        assertThat(conflicts.get(0).get("household").asString()).isEqualTo(own);
        assertThat(conflicts.get(0).get("applicant").asString()).hasSize(16).doesNotContain(mobile.substring(1));
        JsonNode two = http.json(http.getAs(http.token(Role.DPO), "/api/v1/dpo/registration-conflicts?size=2")).get("conflicts");
        assertThat(Instant.parse(two.get(0).get("occurredAt").asString()))
                .isAfter(Instant.parse(two.get(1).get("occurredAt").asString()));
        assertThat(http.getAs(http.token(Role.DPO), "/api/v1/dpo/registration-conflicts?size=101").statusCode()).isEqualTo(400);
        assertThat(http.getAs(applicant, "/api/v1/dpo/registration-conflicts").statusCode()).isEqualTo(403);
        assertThat(http.getAs(http.token(Role.FIELD_OFFICER), "/api/v1/dpo/registration-conflicts").statusCode()).isEqualTo(403);
        assertThat(http.getAs(http.token(Role.AUDITOR), "/api/v1/dpo/registration-conflicts").statusCode()).isEqualTo(403);
        assertThat(http.send(http.request("/api/v1/dpo/registration-conflicts").GET()).statusCode()).isEqualTo(401);
    }

    @Test
    void concurrentFirstSubmissionsOfOneApplicantStoreExactlyOneHousehold() throws Exception {
        String mobile = newMobile();
        String applicant = token(mobile);
        int submitters = 8;
        long households = households();
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < submitters; i++) {
            ObjectNode body = application(mobile);
            calls.add(() -> {
                start.await();
                return submit(applicant, body, null);
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(submitters);
        try {
            List<Future<HttpResponse<String>>> results = new ArrayList<>();
            for (Callable<HttpResponse<String>> call : calls) {
                results.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            Set<String> codes = new HashSet<>();
            for (Future<HttpResponse<String>> result : results) {
                HttpResponse<String> response = result.get();
                statuses.add(response.statusCode());
                if (response.statusCode() == 409) {
                    codes.add(http.json(response).get("code").asString());
                }
            }
            assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
            // refused as a conflict while the daily conflict quota (3) has room, then by the quota, however
            // the submissions interleave: each conflict is counted and recorded in the applicant's turn
            assertThat(statuses).as("every other one refused, not failed")
                    .filteredOn(status -> status == 409 || status == 429).hasSize(submitters - 1);
            assertThat(statuses).as("exactly the quota's three conflicts are told as such")
                    .filteredOn(status -> status == 409).hasSize(3);
            assertThat(codes).containsExactly("household-already-registered");
            assertThat(households()).isEqualTo(households + 1);
        }
        finally {
            pool.shutdownNow();
        }
    }

    private static String newMobile() {
        return "0300999%04d".formatted(1000 + MOBILES.incrementAndGet());
    }

    private String token(String mobile) {
        return http.applicantToken(MobileNumber.parse(mobile).e164());
    }

    private ObjectNode application(String mobile) {
        return SampleHouseholds.application(json, "Lahore", mobile);
    }

    private static ObjectNode member(ObjectNode application, int position) {
        return (ObjectNode) application.get("household").get("members").get(position);
    }

    private String id(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return http.json(created).get("id").asString();
    }

    private long households() {
        return jdbc.sql("SELECT COUNT(*) FROM household").query(Long.class).single();
    }

    /** The conflicts recorded for the applicant of this mobile, oldest first, as kind / household / positions. */
    private List<Map<String, String>> conflicts(String mobile) {
        return jdbc.sql("""
                SELECT c.kind, c.household_id, c.member_positions FROM registration_conflict c
                WHERE c.applicant_token = :token ORDER BY c.occurred_at, c.id""")
                .param("token", ownerToken(mobile)).query((rs, row) -> {
                    Map<String, String> conflict = new LinkedHashMap<>();
                    conflict.put("kind", rs.getString(1));
                    putIfPresent(conflict, "household", rs.getString(2));
                    putIfPresent(conflict, "positions", rs.getString(3));
                    return Map.copyOf(conflict);
                }).list();
    }

    private static void putIfPresent(Map<String, String> map, String key, @Nullable String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private byte[] ownerToken(String mobile) {
        return blindIndex.bytesOf(BlindIndex.Domain.MOBILE, MobileNumber.parse(mobile).e164());
    }

    private HttpResponse<String> submit(String token, ObjectNode body, @Nullable String idempotencyKey) {
        return http.postJsonAs(token, "/api/v1/applications", json.writeValueAsString(body), idempotencyKey);
    }
}
