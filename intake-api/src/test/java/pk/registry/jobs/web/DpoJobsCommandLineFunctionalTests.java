package pk.registry.jobs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import pk.registry.RegistryApplication;

/** The DPO's jobs run headless for a scheduler, to their end, with an exit code that says how they ended. */
class DpoJobsCommandLineFunctionalTests {

    @Test
    void runsTheSweepAndTheErasureHeadlessAndExitsWithTheirOutcome(@TempDir Path dataDir) {
        try (ConfigurableApplicationContext context = headless(dataDir, "retentionSweep", "--dryRun=true")) {
            assertThat(((ExitCodeGenerator) context.getBean("jobCommandLine")).getExitCode()).isZero();
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            assertThat(jdbc.sql("""
                    SELECT e.STATUS FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                    WHERE i.JOB_NAME = 'retentionSweep'""").query(String.class).single()).isEqualTo("COMPLETED");
            assertThat(jdbc.sql("""
                    SELECT p.PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS p WHERE p.PARAMETER_NAME = 'dryRun'""")
                    .query(String.class).single()).isEqualTo("true");
            assertThat(context.containsBean("jobRecovery")).as("no take-overs in a headless run").isFalse();
        }
        try (ConfigurableApplicationContext context = headless(dataDir, "erasure")) {
            assertThat(((ExitCodeGenerator) context.getBean("jobCommandLine")).getExitCode()).isZero();
            assertThat(context.getBean(JdbcClient.class).sql("""
                    SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                    WHERE i.JOB_NAME = 'erasure' AND e.STATUS = 'COMPLETED'""").query(Long.class).single()).isOne();
        }
    }

    private static ConfigurableApplicationContext headless(Path dataDir, String job, String... more) {
        String[] arguments = { "--registry.data-dir=" + dataDir, "--spring.main.web-application-type=none",
                "--spring.batch.job.name=" + job, "--registry.retention.sweep-cron=-" };
        String[] all = java.util.Arrays.copyOf(arguments, arguments.length + more.length);
        System.arraycopy(more, 0, all, arguments.length, more.length);
        return new SpringApplicationBuilder(RegistryApplication.class).profiles("demo").run(all);
    }
}
