package pk.registry.jobs.web;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import pk.registry.http.FieldError;
import pk.registry.http.Problems;
import pk.registry.jobs.DpoJobs;
import pk.registry.jobs.JobRunStatus;

@Tag(name = "Data protection officer: jobs")
@RestController
@RequestMapping(path = "/api/v1/dpo/jobs", produces = "application/json")
class DpoJobsController {

    private final DpoJobs jobs;

    DpoJobsController(DpoJobs jobs) {
        this.jobs = jobs;
    }

    /**
     * How to run a job; the body may be left out. A field it does not know is refused, so that a
     * misspelt {@code dryRun} never starts a run that changes data.
     */
    record JobRequest(@Nullable Boolean dryRun,
            @JsonAnySetter @Schema(hidden = true) @Nullable Map<String, Object> unknown) {

        /** Whether a dry run is asked for. */
        static boolean dryRun(@Nullable JobRequest request) {
            if (request != null && request.unknown() != null && !request.unknown().isEmpty()) {
                throw new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.invalid(request.unknown().keySet()
                        .stream().sorted().map(name -> new FieldError(name, "Unknown", "is not a field of this request"))
                        .toList()), null);
            }
            return request != null && Boolean.TRUE.equals(request.dryRun());
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
                    + "would defer, and change nothing.")
    @PostMapping("/erasure")
    ResponseEntity<JobRun> erasure(@RequestBody(required = false) @Nullable JobRequest request) {
        return accepted(jobs.startErasure(JobRequest.dryRun(request)));
    }

    @Operation(summary = "Apply the retention schedule as of now: 202 + Location, the run goes on in the background",
            description = "With {\"dryRun\": true}: report per data category what would be deleted and what legal "
                    + "holds keep, and change nothing.")
    @PostMapping("/retention")
    ResponseEntity<JobRun> retention(@RequestBody(required = false) @Nullable JobRequest request) {
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
