package pk.registry.jobs;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.task.TaskExecutor;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Service;

/**
 * Starts the registry's jobs and reports on them. A run started here goes on in the background
 * ({@link #start}); a scheduler's command line runs one to its end ({@link #runNow}). A run's
 * report is its steps' execution-context entries under {@code report.}, counts only; a dotted
 * key nests ({@code report.auditTrail.deleted} is {@code {"auditTrail": {"deleted": 3}}}).
 */
@Service
public class JobRuns {

    private static final Logger log = LoggerFactory.getLogger(JobRuns.class);

    /** The execution-context keys of a step that are its report (never personal data). */
    static final String REPORT_PREFIX = "report.";

    private final List<Job> jobs;
    private final JobOperator jobOperator;
    private final JobOperator backgroundOperator;
    private final JobRepository repository;
    private final JobNode node;

    JobRuns(List<Job> jobs, JobOperator jobOperator, JobRepository repository, TaskExecutor jobExecutor, JobNode node)
            throws Exception {
        this.jobs = jobs;
        this.jobOperator = jobOperator;
        this.repository = repository;
        this.node = node;
        TaskExecutorJobOperator background = new TaskExecutorJobOperator();
        background.setJobRepository(repository);
        // Started with the job itself, never looked up by name: an empty registry will do.
        background.setJobRegistry(new MapJobRegistry());
        background.setTaskExecutor(jobExecutor);
        background.afterPropertiesSet();
        this.backgroundOperator = background;
    }

    /**
     * Starts the job in the background; the returned id follows it. Parameters of a run that
     * failed restart it after its last committed chunk. The run is leased to this node from
     * here on, also while it waits for the job thread.
     */
    public long start(RegistryJob job, JobParameters parameters) {
        JobExecution execution = launch(backgroundOperator, job, parameters);
        if (execution.getStatus().isRunning()) {
            node.hold(execution.getJobInstance());
            if (!execution.getStatus().isRunning()) {
                // It ended meanwhile, and gave up its lease maybe before we took it.
                node.release(execution.getJobInstance());
            }
        }
        return execution.getId();
    }

    /** The run of any job with the id, or null: the JDBC repository throws rather than answer null for an unknown id. */
    private @Nullable JobExecution execution(long id) {
        try {
            return repository.getJobExecution(id);
        }
        catch (EmptyResultDataAccessException unknown) {
            return null;
        }
    }

    /** Whether a run of the job is marked running (here or on another node, or dead and not yet taken over). */
    public boolean isRunning(RegistryJob job) {
        return !repository.findRunningJobExecutions(job.jobName()).isEmpty();
    }

    /** Runs the job to its end in the calling thread. */
    public JobRunStatus runNow(RegistryJob job, JobParameters parameters) {
        return status(job, launch(jobOperator, job, parameters).getId()).orElseThrow();
    }

    /** The run, if it is one of this kind of job; empty for an id that names no run at all. */
    public Optional<JobRunStatus> status(RegistryJob job, long id) {
        JobExecution execution = execution(id);
        if (execution == null || !execution.getJobInstance().getJobName().equals(job.jobName())) {
            return Optional.empty();
        }
        long read = 0;
        long written = 0;
        Map<String, Object> report = new LinkedHashMap<>();
        for (StepExecution step : execution.getStepExecutions()) {
            read += step.getReadCount();
            written += step.getWriteCount();
            step.getExecutionContext().entrySet().stream().filter(entry -> entry.getKey().startsWith(REPORT_PREFIX))
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(entry -> put(report, entry.getKey().substring(REPORT_PREFIX.length()), entry.getValue()));
        }
        return Optional.of(new JobRunStatus(id, job, execution.getStatus().name(),
                execution.getStartTime() == null ? null : execution.getStartTime().atZone(ZoneId.systemDefault()).toInstant(),
                execution.getEndTime() == null ? null : execution.getEndTime().atZone(ZoneId.systemDefault()).toInstant(),
                read, written, report, continuedBy(execution)));
    }

    /** The newest later run of the same job instance (a restart), if any. */
    private @Nullable Long continuedBy(JobExecution execution) {
        return repository.getJobExecutions(execution.getJobInstance()).stream().map(JobExecution::getId)
                .filter(later -> later > execution.getId()).max(Long::compare).orElse(null);
    }

    /** Puts a report entry, a dotted key ({@code auditTrail.deleted}) as nested maps. */
    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> report, String key, Object value) {
        int dot = key.indexOf('.');
        if (dot < 0) {
            report.put(key, value);
            return;
        }
        Object nested = report.computeIfAbsent(key.substring(0, dot), name -> new LinkedHashMap<String, Object>());
        if (nested instanceof Map<?, ?> map) {
            put((Map<String, Object>) map, key.substring(dot + 1), value);
        }
    }

    private JobExecution launch(JobOperator operator, RegistryJob job, JobParameters parameters) {
        try {
            return operator.start(job(job), parameters);
        }
        catch (Exception ex) {
            log.error("Job {} could not be started: {}", job.jobName(), ex.getClass().getSimpleName());
            throw new IllegalStateException("job " + job.jobName() + " could not be started", ex);
        }
    }

    private Job job(RegistryJob job) {
        return jobs.stream().filter(candidate -> candidate.getName().equals(job.jobName())).findFirst().orElseThrow();
    }
}
