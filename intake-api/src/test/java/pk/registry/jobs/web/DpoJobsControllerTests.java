package pk.registry.jobs.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static pk.registry.http.ProblemAssertions.assertProblem;
import static pk.registry.http.ProblemAssertions.errors;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import pk.registry.http.Callers;
import pk.registry.http.WebSlice;
import pk.registry.jobs.DpoJobs;
import pk.registry.jobs.JobRunStatus;
import pk.registry.jobs.RegistryJob;
import pk.registry.kernel.Role;

/** The DPO starts the erasure and retention jobs and follows them by id; no one else may. */
@WebMvcTest(DpoJobsController.class)
@WebSlice
class DpoJobsControllerTests {

    private static final Instant STARTED = Instant.parse("2025-07-01T02:30:00Z");

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    DpoJobs jobs;

    @Test
    void startsAnErasureRunAndAnswers202WithItsLocation() {
        given(jobs.startErasure(false)).willReturn(41L);
        given(jobs.status(41L)).willReturn(Optional.of(run(41, RegistryJob.ERASURE, "STARTING", Map.of())));

        var response = mvc.post().uri("/api/v1/dpo/jobs/erasure").with(Callers.client("demo-dpo", Role.DPO));

        assertThat(response).hasStatus(HttpStatus.ACCEPTED).hasHeader("Location", "/api/v1/dpo/jobs/41")
                .bodyJson().isLenientlyEqualTo("{\"id\":41,\"job\":\"erasure\",\"status\":\"STARTING\"}");
    }

    @Test
    void aDryRunIsAskedForInTheBody() {
        given(jobs.startRetentionSweep(true)).willReturn(42L);
        given(jobs.status(42L)).willReturn(Optional.of(run(42, RegistryJob.RETENTION_SWEEP, "STARTING", Map.of())));

        assertThat(mvc.post().uri("/api/v1/dpo/jobs/retention").with(Callers.client("demo-dpo", Role.DPO))
                .contentType(MediaType.APPLICATION_JSON).content("{\"dryRun\":true}"))
                .hasStatus(HttpStatus.ACCEPTED).hasHeader("Location", "/api/v1/dpo/jobs/42");
        then(jobs).should().startRetentionSweep(true);

        given(jobs.startErasure(false)).willReturn(43L);
        given(jobs.status(43L)).willReturn(Optional.of(run(43, RegistryJob.ERASURE, "STARTING", Map.of())));
        assertThat(mvc.post().uri("/api/v1/dpo/jobs/erasure").with(Callers.client("demo-dpo", Role.DPO))
                .contentType(MediaType.APPLICATION_JSON).content("{\"dryRun\":false}")).hasStatus(HttpStatus.ACCEPTED);
        then(jobs).should().startErasure(false);
    }

    @Test
    void followsARunByIdWithItsProgressAndReport() {
        given(jobs.status(7L)).willReturn(Optional.of(run(7, RegistryJob.RETENTION_SWEEP, "COMPLETED",
                Map.of("disclosureLog", Map.of("deleted", 12L)))));

        assertThat(mvc.get().uri("/api/v1/dpo/jobs/7").with(Callers.client("demo-dpo", Role.DPO))).hasStatusOk()
                .bodyJson().isLenientlyEqualTo("""
                        {"id":7,"job":"retentionSweep","status":"COMPLETED","progress":{"read":3,"written":12},
                         "report":{"disclosureLog":{"deleted":12}},"startedAt":"2025-07-01T02:30:00Z",
                         "endedAt":"2025-07-01T02:31:00Z"}""");
    }

    @Test
    void aRunThatIsNotOneOfTheDposJobsIsNotFound() {
        given(jobs.status(anyLong())).willReturn(Optional.empty());

        assertProblem(mvc.get().uri("/api/v1/dpo/jobs/5").with(Callers.client("demo-dpo", Role.DPO)).exchange(),
                HttpStatus.NOT_FOUND);
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"dryRun\":\"maybe\"}", "{\"dryRun\":[true]}", "{\"dryrun\":true}" })
    void aBadBodyIsRefusedAndStartsNothing(String body) {
        var problem = assertProblem(mvc.post().uri("/api/v1/dpo/jobs/erasure").with(Callers.client("demo-dpo", Role.DPO))
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange(), HttpStatus.BAD_REQUEST);

        assertThat(errors(problem)).singleElement().asString().startsWith(body.contains("dryrun") ? "dryrun Unknown" : "dryRun");
        verifyNoInteractions(jobs);
    }

    /** A key that is no field's name is reported as {@code body}, never repeated (it may hold a name or a mobile). */
    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/dpo/jobs/retention", "/api/v1/dpo/jobs/erasure" })
    void anUnknownKeyIsRefusedWithoutRepeatingIt(String path) {
        var response = mvc.post().uri(path).with(Callers.client("demo-dpo", Role.DPO))
                .contentType(MediaType.APPLICATION_JSON).content("{\"Muhammad Aslam 03001234567\":true}").exchange();

        var problem = assertProblem(response, HttpStatus.BAD_REQUEST);
        assertThat(errors(problem)).containsExactly("body Unknown");
        assertThat(pk.registry.http.ProblemAssertions.body(response)).doesNotContain("Aslam").doesNotContain("03001234567");
        verifyNoInteractions(jobs);
    }

    /** A body that is sent says dryRun: an explicit null, or no dryRun at all, is no choice and starts nothing. */
    @ParameterizedTest
    @ValueSource(strings = { "{\"dryRun\":null}", "null", "{}" })
    void aBodyWithoutATrueOrFalseDryRunIsRefusedAndStartsNothing(String body) {
        for (String path : new String[] { "/api/v1/dpo/jobs/retention", "/api/v1/dpo/jobs/erasure" }) {
            var problem = assertProblem(mvc.post().uri(path).with(Callers.client("demo-dpo", Role.DPO))
                    .contentType(MediaType.APPLICATION_JSON).content(body).exchange(), HttpStatus.BAD_REQUEST);

            assertThat(errors(problem)).as(path + " " + body).containsExactly("dryRun NotNull");
        }
        verifyNoInteractions(jobs);
    }

    @Test
    void aBodyLeftOutStartsARealRunAsDocumented() {
        given(jobs.startRetentionSweep(false)).willReturn(44L);
        given(jobs.status(44L)).willReturn(Optional.of(run(44, RegistryJob.RETENTION_SWEEP, "STARTING", Map.of())));

        assertThat(mvc.post().uri("/api/v1/dpo/jobs/retention").with(Callers.client("demo-dpo", Role.DPO))
                .contentType(MediaType.APPLICATION_JSON).content("")).hasStatus(HttpStatus.ACCEPTED);
        then(jobs).should().startRetentionSweep(false);
    }

    @Test
    void anIdThatIsNoNumberIsRefused() {
        var problem = assertProblem(mvc.get().uri("/api/v1/dpo/jobs/latest").with(Callers.client("demo-dpo", Role.DPO))
                .exchange(), HttpStatus.BAD_REQUEST);

        assertThat(errors(problem)).containsExactly("id Type");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "DPO", mode = EnumSource.Mode.EXCLUDE)
    void onlyTheDpoMayStartOrFollowThem(Role role) {
        for (String path : new String[] { "/api/v1/dpo/jobs/erasure", "/api/v1/dpo/jobs/retention" }) {
            assertProblem(mvc.post().uri(path).with(Callers.client("someone", role)).exchange(), HttpStatus.FORBIDDEN);
        }
        assertProblem(mvc.get().uri("/api/v1/dpo/jobs/7").with(Callers.client("someone", role)).exchange(),
                HttpStatus.FORBIDDEN);
        verifyNoInteractions(jobs);
    }

    @Test
    void anonymousCallersAreUnauthenticated() {
        assertProblem(mvc.post().uri("/api/v1/dpo/jobs/erasure").exchange(), HttpStatus.UNAUTHORIZED);
        assertProblem(mvc.post().uri("/api/v1/dpo/jobs/retention").exchange(), HttpStatus.UNAUTHORIZED);
        assertProblem(mvc.get().uri("/api/v1/dpo/jobs/7").exchange(), HttpStatus.UNAUTHORIZED);
        verifyNoInteractions(jobs);
    }

    private static JobRunStatus run(long id, RegistryJob job, String status, Map<String, Object> report) {
        boolean ended = "COMPLETED".equals(status);
        return new JobRunStatus(id, job, status, STARTED, ended ? STARTED.plusSeconds(60) : null, ended ? 3 : 0,
                ended ? 12 : 0, report, null);
    }
}
