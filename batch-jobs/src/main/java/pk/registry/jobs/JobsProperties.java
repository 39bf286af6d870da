package pk.registry.jobs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * The jobs' crash safety ({@code registry.jobs}). The heartbeat that renews leases
 * ({@code registry.jobs.heartbeat}, default 20 s) and the first look for interrupted runs after a
 * start ({@code registry.jobs.recovery-delay}, default 5 s) are read by the schedulers.
 *
 * @param lease how long the node running a job may go silent before another node (or itself,
 *        restarted) takes the run over
 * @param rescoringChunk households the {@code rescoring} job scores per transaction
 */
@Validated
@ConfigurationProperties("registry.jobs")
record JobsProperties(@NotNull @DefaultValue("2m") Duration lease, @Positive @DefaultValue("200") int rescoringChunk) {
}
