package pk.registry.jobs;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This node's share of the registry's jobs: every job instance it starts or runs is leased by
 * it, and it renews its leases while it lives, so a run whose lease ran out was interrupted (the
 * node was killed, lost its power or its database). {@link JobRecovery} then takes it over. As
 * the jobs' listener it takes the lease when a run starts here (also a headless one) and gives
 * it up when the run ended, whichever way: a run that failed for a reason of its own is not
 * restarted behind the DPO's back. A failed rescoring's lease goes to no node instead, so that
 * it runs out and the run is started again.
 */
@Component
class JobNode implements JobExecutionListener {

    /** The holder of a failed run's lease waiting to run out: no node renews it. */
    static final String NO_NODE = "failed-run";

    private final String id = UUID.randomUUID().toString();
    /** Instances whose job runs in this JVM right now: never taken over from ourselves. */
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private final JobLeases leases;
    private final JobsProperties properties;
    private final Clock clock;

    JobNode(JobLeases leases, JobsProperties properties, Clock clock) {
        this.leases = leases;
        this.properties = properties;
        this.clock = clock;
    }

    String id() {
        return id;
    }

    /** Leases the instance to this node (a run started here, maybe still waiting for the job thread). */
    void hold(JobInstance instance) {
        leases.hold(instance.getInstanceId(), instance.getJobName(), id, leaseFrom(clock.instant()));
    }

    @Override
    public void beforeJob(JobExecution execution) {
        running.add(execution.getJobInstance().getInstanceId());
        hold(execution.getJobInstance());
    }

    @Override
    public void afterJob(JobExecution execution) {
        JobInstance instance = execution.getJobInstance();
        if (execution.getStatus() == BatchStatus.FAILED
                && RegistryJob.named(instance.getJobName()).filter(RegistryJob::retriedAfterFailure).isPresent()) {
            // Leased to no node, so that the lease runs out and JobRecovery starts the run again.
            leases.hold(instance.getInstanceId(), instance.getJobName(), NO_NODE, leaseFrom(clock.instant()));
        }
        else {
            leases.release(instance.getInstanceId(), id);
        }
        running.remove(instance.getInstanceId());
    }

    @Scheduled(fixedDelayString = "${registry.jobs.heartbeat:PT20S}")
    void renewLeases() {
        leases.renew(id, leaseFrom(clock.instant()));
    }

    /** Instances whose lease ran out: a node died while it ran or restarted them. */
    List<Long> expired() {
        return leases.expired(clock.instant());
    }

    /** Takes the instance over if its lease ran out or it never got one, unless it runs here; atomic across nodes. */
    boolean claim(JobInstance instance) {
        Instant now = clock.instant();
        return !running.contains(instance.getInstanceId())
                && leases.claim(instance.getInstanceId(), instance.getJobName(), id, now, leaseFrom(now));
    }

    /** Gives up this node's lease of an instance it will not run. */
    void release(JobInstance instance) {
        leases.release(instance.getInstanceId(), id);
    }

    /** Whether a run last committed within a lease period: then a node is alive behind it. */
    boolean isAlive(@Nullable LocalDateTime lastUpdated) {
        LocalDateTime leaseAgo = LocalDateTime.ofInstant(clock.instant().minus(properties.lease()), ZoneId.systemDefault());
        return lastUpdated != null && lastUpdated.isAfter(leaseAgo);
    }

    private Instant leaseFrom(Instant now) {
        return now.plus(properties.lease());
    }
}
