package pk.registry.jobs.web;

import java.lang.reflect.Type;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import pk.registry.http.FieldError;
import pk.registry.http.Problems;
import pk.registry.jobs.DpoJobs;
import pk.registry.jobs.JobRunStatus;

@Tag(name = "Data protection officer: jobs")
@RestController
@RequestMapping(path = "/api/v1/dpo/jobs", produces = "application/json")
class DpoJobsController {

    private static final String BODY = "The body may be left out, for a run that changes data; a body that is sent "
            + "gives dryRun as true or false (null, no dryRun or any other field is a 400).";

    private final DpoJobs jobs;

    DpoJobsController(DpoJobs jobs) {
        this.jobs = jobs;
    }

    /**
     * How to run a job. The body may be left out (a run that changes data); a body that is sent
     * says {@code dryRun} as {@code true} or {@code false}: a field it does not know, a
     * {@code null} or no {@code dryRun} at all is refused, so that a misspelt or unset
     * {@code dryRun} never starts a run that changes data. Unknown fields are refused by the
     * service's JSON rules and named as every request's are, never repeated if not a field's name.
     */
    record JobRequest(@NotNull Boolean dryRun) {

        /** Whether a dry run is asked for; a request left out asks for a real run. */
        static boolean dryRun(@Nullable JobRequest request) {
            return request != null && request.dryRun();
        }
    }

    /**
     * A body of JSON {@code null} is sent, not left out, and says nothing of {@code dryRun}: refused
     * as {@code {"dryRun": null}} is, instead of being read as no body (a real run).
     */
    @ControllerAdvice(assignableTypes = DpoJobsController.class)
    static class ExplicitNullBodyRefused extends RequestBodyAdviceAdapter {

        @Override
        public boolean supports(MethodParameter parameter, Type targetType,
                Class<? extends HttpMessageConverter<?>> converterType) {
            return parameter.getParameterType() == JobRequest.class;
        }

        @Override
        public Object afterBodyRead(@Nullable Object body, HttpInputMessage input, MethodParameter parameter,
                Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
            if (body == null) {
                throw new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.invalid(List.of(
                        new FieldError("dryRun", "NotNull", "must be true or false when a body is sent"))), null);
            }
            return body;
        }
    }

    /** Items read and written so far (requests carried out, or items deleted by the sweep). */
    record Progress(long read, long written) {
    }

    /**
     * A run of the DPO's jobs: Spring Batch's status, its progress and its report (counts only);
     * a run that failed or whose node died names the run that took it over ({@code continuedBy},
     * also at {@code /api/v1/dpo/jobs/{id}}).
     */
    record JobRun(long id, String job, String status, Progress progress, Map<String, Object> report,
            @Nullable Instant startedAt, @Nullable Instant endedAt, @Nullable Long continuedBy) {

        static JobRun of(JobRunStatus run) {
            return new JobRun(run.id(), run.job().jobName(), run.status(), new Progress(run.read(), run.written()),
                    run.report(), run.startedAt(), run.endedAt(), run.continuedBy());
        }
    }

    @Operation(summary = "Carry out the approved erasure requests: 202 + Location, the run goes on in the background",
            description = "With {\"dryRun\": true}: report how many requests are approved and how many a legal hold "
                    + "would defer, and change nothing. " + BODY)
    @PostMapping("/erasure")
    ResponseEntity<JobRun> erasure(@RequestBody(required = false) @Valid @Nullable JobRequest request) {
        return accepted(jobs.startErasure(JobRequest.dryRun(request)));
    }

    @Operation(summary = "Apply the retention schedule as of now: 202 + Location, the run goes on in the background",
            description = "With {\"dryRun\": true}: report per data category what would be deleted and what legal "
                    + "holds keep, and change nothing. " + BODY)
    @PostMapping("/retention")
    ResponseEntity<JobRun> retention(@RequestBody(required = false) @Valid @Nullable JobRequest request) {
        return accepted(jobs.startRetentionSweep(JobRequest.dryRun(request)));
    }

    @Operation(summary = "A run of the DPO's jobs: status, progress, report, when it started and ended")
    @GetMapping("/{id}")
    JobRun run(@PathVariable long id) {
        return jobs.status(id).map(JobRun::of).orElseThrow(() -> Problems.notFound("There is no such job run."));
    }

    private ResponseEntity<JobRun> accepted(long id) {
        return ResponseEntity.accepted().location(URI.create("/api/v1/dpo/jobs/" + id))
                .body(jobs.status(id).map(JobRun::of).orElseThrow());
    }
}
