package pk.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import pk.registry.kernel.Role;

/**
 * The database goes away while the service runs: every request that needs it is answered 503
 * problem+json with {@code Retry-After} and no word of the fault, a request that lost its
 * connection halfway keeps nothing of what it had written, readiness says DOWN, and once the
 * database is back the same request succeeds and readiness says UP.
 */
@RegistryIntegrationTest
@Import(DatabaseOutage.class)
@TestPropertySource(properties = "registry.http.database-retry-after=7s")
class DatabaseOutageFunctionalTests {

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 1_000_000_000L * 10);

    /** Rows a registration writes, table by table. */
    private static final String[] TABLES = { "household", "household_cnic", "household_score", "consent_record",
            "consent_status", "audit_event", "idempotency_key", "event_publication" };

    @Autowired
    Http http;

    @Autowired
    DatabaseOutage database;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void databaseIsBack() {
        database.end();
    }

    @ParameterizedTest(name = "connection lost at {0}")
    @ValueSource(strings = { "INSERT INTO consent_record", "INSERT INTO audit_event" })
    void aRegistrationThatLosesTheDatabaseHalfwayKeepsNothingAndSucceedsWhenSentAgain(String lostAt) {
        String mobile = "0300%07d".formatted(SERIAL.incrementAndGet() % 10_000_000);
        String applicant = http.applicantToken("+92" + mobile.substring(1));
        String cnic = newCnic();
        String key = "outage-" + UUID.randomUUID();
        String body = application(cnic, mobile);
        Map<String, Long> before = rowCounts();

        database.loseConnectionAt(sql -> sql.startsWith(lostAt));
        HttpResponse<String> lost = submit(applicant, body, key);

        assertUnavailable(lost);
        assertThat(lost.body()).doesNotContain(cnic).doesNotContain(cnic.replace("-", ""));
        assertThat(database.statements()).as("the household was written before the connection was lost")
                .anySatisfy(sql -> assertThat(sql).startsWith("INSERT INTO household "))
                .last().satisfies(sql -> assertThat(sql).startsWith(lostAt));
        database.end();
        assertThat(rowCounts()).as("nothing of the half request").isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM idempotency_key WHERE idem_key = :key").param("key", key)
                .query(Long.class).single()).isZero();

        HttpResponse<String> again = submit(applicant, body, key);

        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        String location = again.headers().firstValue("Location").orElseThrow();
        assertThat(http.getAs(applicant, location).statusCode())
                .isEqualTo(200);
        Map<String, Long> after = rowCounts();
        assertThat(after.get("household")).isEqualTo(before.get("household") + 1);
        assertThat(after.get("idempotency_key")).isEqualTo(before.get("idempotency_key") + 1);
    }

    @Test
    void whileTheDatabaseIsUnreachableRequestsGet503AndReadinessIsDownUntilItIsBack() {
        String applicant = http.applicantToken("+923007770001");
        String admin = http.token(Role.ADMIN);
        String mobile = "03007770001";
        assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);

        database.refuseConnections();

        assertUnavailable(submit(applicant, application(newCnic(), mobile), null));
        assertUnavailable(http.send(http.request("/api/v1/applications/" + UUID.randomUUID())
                .header("Authorization", "Bearer " + applicant).GET()));
        assertUnavailable(http.getAs(admin, "/api/v1/admin/programmes"));
        assertUnavailable(http.postJson("/api/v1/auth/otp", "{\"mobile\":\"" + mobile + "\"}"));
        assertUnavailable(http.postJson("/api/v1/auth/otp/verify", "{\"mobile\":\"" + mobile + "\",\"code\":\"123456\"}"));
        HttpResponse<String> readiness = http.get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(http.json(readiness).get("status").asString()).isEqualTo("DOWN");
        assertThat(http.get("/actuator/health/liveness").statusCode()).as("a restart would not help").isEqualTo(200);
        assertThat(http.clientToken("demo-dpo")).as("client tokens need no database").isNotBlank();

        database.end();

        assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(http.json(http.get("/actuator/health/readiness")).get("status").asString()).isEqualTo("UP");
        assertThat(submit(applicant, application(newCnic(), mobile), null).statusCode()).isEqualTo(201);
        assertThat(http.postJson("/api/v1/auth/otp", "{\"mobile\":\"" + mobile + "\"}").statusCode()).isEqualTo(202);
    }

    private static void assertUnavailable(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(response.body()).contains("\"status\":503")
                .doesNotContainIgnoringCase("sql").doesNotContainIgnoringCase("connection")
                .doesNotContain("Exception").doesNotContain("08006").doesNotContain("08001")
                .doesNotContain("consent_record").doesNotContain("audit_event");
    }

    private Map<String, Long> rowCounts() {
        var counts = new java.util.LinkedHashMap<String, Long>();
        for (String table : TABLES) {
            counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
        }
        return counts;
    }

    private HttpResponse<String> submit(String token, String body, String idempotencyKey) {
        HttpRequest.Builder request = http.request("/api/v1/applications").header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request);
    }

    /** A male head's CNIC (odd last digit) that no other test uses. */
    private static String newCnic() {
        String body = "3" + String.format("%011d", SERIAL.incrementAndGet() % 100_000_000_000L);
        return body.substring(0, 5) + "-" + body.substring(5, 12) + "-1";
    }

    private static String application(String cnic, String mobile) {
        return """
                {"household": {"district": "Lahore", "address": "House 12, Street 4, Model Town", "mobile": "%s",
                  "dwelling": "RENTED", "rooms": 2, "electricityBillPkr": 3000, "gasBillPkr": 800, "monthlyExpensesPkr": 30000,
                  "members": [{"cnic": "%s", "fullName": "Muhammad Aslam", "relationship": "HEAD", "gender": "M",
                    "dateOfBirth": "1987-03-14", "education": "PRIMARY", "employment": "DAILY_WAGE", "monthlyIncomePkr": 25000}]},
                 "consent": {"policyVersion": "2025-01", "purposes": ["IDENTITY_VERIFICATION", "ELIGIBILITY_ASSESSMENT"]}}
                """.formatted(mobile, cnic);
    }
}
