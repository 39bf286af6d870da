package pk.registry.jobs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import pk.registry.Http;
import pk.registry.RegistryIntegrationTest;
import pk.registry.jobs.JobRuns;
import pk.registry.jobs.RegistryJob;
import pk.registry.kernel.Role;
import pk.testsupport.TestClock;
import tools.jackson.databind.JsonNode;

/**
 * The DPO's jobs over HTTP in the whole service: started with 202 and a Location, followed to
 * their end there, with a report per category that includes the service's own categories (the
 * identity module's one-time codes); another job's run is not found there.
 */
@RegistryIntegrationTest
class DpoJobsIntegrationTests {

    @Autowired
    Http http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    JobRuns runs;

    @Test
    void aRetentionDryRunReportsEveryCategoryAndARealRunDeletesOnlyWhatOutlivedItsPeriod() throws Exception {
        clock.advance(Duration.ofMinutes(1));
        String expired = oneTimeCode(clock.instant().minus(Duration.ofDays(2)));
        String live = oneTimeCode(clock.instant().minus(Duration.ofHours(2)));

        JsonNode dryRun = awaitEnd(start("/api/v1/dpo/jobs/retention", "{\"dryRun\": true}"));

        assertThat(dryRun.get("status").asString()).isEqualTo("COMPLETED");
        JsonNode report = dryRun.get("report");
        for (String category : new String[] { "auditTrail", "closedApplications", "dciRecords", "disclosureLog",
                "importErrorReports", "inactiveHouseholds", "oneTimeCodes", "registrationConflicts", "stagedUploads" }) {
            assertThat(report.has(category)).as(category).isTrue();
            assertThat(report.get(category).has("deletable")).isTrue();
        }
        assertThat(report.get("oneTimeCodes").get("deletable").asLong()).isPositive();
        assertThat(codes(expired, live)).as("a dry run").isEqualTo(2);

        clock.advance(Duration.ofMinutes(1));
        JsonNode run = awaitEnd(start("/api/v1/dpo/jobs/retention", ""));

        assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(run.get("report").get("oneTimeCodes").get("deleted").asLong()).isPositive();
        assertThat(run.get("progress").get("written").asLong()).isPositive();
        assertThat(codes(expired)).as("expired more than a day ago").isZero();
        assertThat(codes(live)).as("expired an hour ago").isOne();
        assertThat(run.get("startedAt").isNull()).isFalse();
        assertThat(run.get("endedAt").isNull()).isFalse();
    }

    @Test
    void anErasureDryRunIsFollowedToItsEnd() throws Exception {
        JsonNode dryRun = awaitEnd(start("/api/v1/dpo/jobs/erasure", "{\"dryRun\": true}"));

        assertThat(dryRun.get("job").asString()).isEqualTo("erasure");
        assertThat(dryRun.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(dryRun.get("report").has("approved")).isTrue();
        assertThat(dryRun.get("report").has("erased")).isFalse();
    }

    @Test
    void anotherJobsRunIsNotOneOfTheDpos() {
        long rescoring = runs.start(RegistryJob.RESCORING, new JobParametersBuilder().addString("modelVersion", "pmt-2025.1")
                .addString("activation", UUID.randomUUID().toString()).toJobParameters());

        HttpResponse<String> response = get("/api/v1/dpo/jobs/" + rescoring, Role.DPO);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(get("/api/v1/dpo/jobs/" + rescoring, Role.ADMIN).statusCode()).isEqualTo(403);
    }

    private String start(String path, String body) {
        HttpRequest.Builder request = http.request(path).header("Authorization", "Bearer " + http.token(Role.DPO));
        if (!body.isEmpty()) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> accepted = http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/api/v1/dpo/jobs/" + http.json(accepted).get("id").asLong());
        return location;
    }

    private JsonNode awaitEnd(String location) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = get(location, Role.DPO);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode run = http.json(response);
            if (!run.get("status").asString().startsWith("START")) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the run did not end in time");
    }

    private HttpResponse<String> get(String path, Role role) {
        return http.getAs(http.token(role), path);
    }

    private String oneTimeCode(Instant expiresAt) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO otp_challenge (id, mobile_token, code_hash, created_at, expires_at, attempts)
                VALUES (:id, 'token', 'hash', :created, :expires, 0)""")
                .param("id", id).param("created", Timestamp.from(expiresAt.minus(Duration.ofMinutes(5))))
                .param("expires", Timestamp.from(expiresAt)).update();
        return id;
    }

    private long codes(String... ids) {
        return jdbc.sql("SELECT COUNT(*) FROM otp_challenge WHERE id IN (:ids)").param("ids", java.util.List.of(ids))
                .query(Long.class).single();
    }
}
