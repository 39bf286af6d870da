package pk.registry.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.batch.core.job.parameters.JobParameters;

import pk.registry.retention.RetentionSchedule;

/** The nightly sweep starts a real run from the minute it fired, unless a sweep is marked running. */
class ScheduledSweepTests {

    private final JobRuns runs = mock(JobRuns.class);
    private final RetentionSchedule schedule = mock(RetentionSchedule.class);
    private final ScheduledSweep sweep = new ScheduledSweep(runs, schedule);

    @Test
    void startsASweepWhoseCutOffsAreReckonedFromTheMinuteItFired() {
        given(schedule.now()).willReturn(Instant.parse("2025-07-01T21:30:17.345Z"));
        given(runs.start(any(), any())).willReturn(9L);

        sweep.sweep();

        ArgumentCaptor<JobParameters> parameters = ArgumentCaptor.forClass(JobParameters.class);
        then(runs).should().start(org.mockito.ArgumentMatchers.eq(RegistryJob.RETENTION_SWEEP), parameters.capture());
        assertThat(parameters.getValue().getString(RetentionSweepJobConfiguration.RUN_AT)).isEqualTo("2025-07-01T21:30:00Z");
        assertThat(DryRun.of(parameters.getValue())).isFalse();
    }

    @Test
    void isSkippedWhileASweepIsMarkedRunning() {
        given(runs.isRunning(RegistryJob.RETENTION_SWEEP)).willReturn(true);

        sweep.sweep();

        then(runs).should(never()).start(any(), any());
    }

    @Test
    void aSweepAnotherNodeStartedThatMinuteIsNotAFailure() {
        given(schedule.now()).willReturn(Instant.parse("2025-07-01T21:30:17Z"));
        given(runs.start(any(), any())).willThrow(new IllegalStateException("job retentionSweep could not be started"));

        sweep.sweep();

        then(runs).should().start(any(), any());
    }
}
