package pk.registry.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import pk.registry.retention.RetentionSchedule;

/**
 * The retention sweep benchmark (not a test): with N households registered whose record last
 * changed six years ago (past {@code inactiveHouseholds}' five), (a) a set-based JDBC delete of
 * their rows (consents, CNIC claims, scores, idempotency keys, households), the next 10,000
 * from the index the job reads in a transaction, until none is left, against (b) the
 * {@code retentionSweep} job erasing the same households registered again (each erased as an
 * approved request would be, audited and announced, a batch per transaction).
 * Prints rows deleted per second of both, the ratio (b)/(a), and the job's heap after collections
 * (its peak while it ran, and at its end).
 * <p>
 * Run with {@code ./benchmark retention [households [warm-up households]]} (default 100,000; the
 * warm-up, unmeasured, runs both on 2,000 first).
 */
public final class RetentionSweepBenchmark {

    /**
     * Households per transaction of the baseline and of the ageing. One transaction for a million
     * households kept every deleted or updated row until it committed: H2's file grew past 44 GB.
     * The sweep itself commits every {@code registry.retention.batch-size} (500).
     */
    private static final int RUN = 10_000;

    /** The next expired households, as the (status, updated_at) index yields them: what the job reads. */
    private static final String NEXT_EXPIRED = "FROM household WHERE status = 'SUBMITTED' AND updated_at < :cutoff"
            + " FETCH FIRST " + RUN + " ROWS ONLY";

    private RetentionSweepBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int households = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        Path work = Files.createTempDirectory("registry-retention-benchmark");
        try (ConfigurableApplicationContext context = JobBenchmarks.start(work)) {
            round(context, JobBenchmarks.file(work, "warm-up", warmUp), warmUp);
            System.out.printf(Locale.ROOT, "warm-up: %,d households through both%n", warmUp);
            JobBenchmarks.Result[] results = round(context, JobBenchmarks.file(work, "households", households), households);
            JobBenchmarks.compare("retention", households, households, results[0], results[1]);
        }
    }

    private static JobBenchmarks.Result[] round(ConfigurableApplicationContext context, Path file, int households)
            throws InterruptedException {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        RetentionSchedule schedule = context.getBean(RetentionSchedule.class);
        JobBenchmarks.register(context, file, households);
        Instant runAt = schedule.now();
        String cutoff = "TIMESTAMP '" + Timestamp.from(schedule.cutoff("inactiveHouseholds", runAt)) + "'";
        ageEveryHousehold(jdbc, runAt);
        String nextExpired = NEXT_EXPIRED.replace(":cutoff", cutoff);
        String batch = "SELECT id " + nextExpired;
        JobBenchmarks.Result baseline = JobBenchmarks.baselineInBatches(context, "set-based delete", List.of(
                "DELETE FROM consent_status WHERE consent_id IN (SELECT id FROM consent_record WHERE household_id IN ("
                        + batch + "))",
                "DELETE FROM consent_record WHERE household_id IN (" + batch + ")",
                "DELETE FROM household_cnic WHERE household_id IN (" + batch + ")",
                "DELETE FROM household_score WHERE household_id IN (" + batch + ")",
                "DELETE FROM idempotency_key WHERE household_id IN (" + batch + ")",
                // H2 runs "id IN (a subquery of the same table)" once per row; the same batch, deleted directly:
                "DELETE " + nextExpired));
        JobBenchmarks.register(context, file, households);
        runAt = schedule.now();
        ageEveryHousehold(jdbc, runAt);
        JobBenchmarks.Result job = JobBenchmarks.job(context, "retentionSweep job", RegistryJob.RETENTION_SWEEP,
                DpoJobs.sweepParameters(runAt, false));
        return new JobBenchmarks.Result[] { baseline, job };
    }

    /** Every household last changed six years before the run: past its five-year period, {@link #RUN} a transaction. */
    private static void ageEveryHousehold(JdbcClient jdbc, Instant runAt) {
        Timestamp old = Timestamp.from(runAt.minus(java.time.Duration.ofDays(6 * 366)));
        String from = first(jdbc.sql("SELECT MIN(id) FROM household"));
        while (from != null) {
            String upTo = first(jdbc.sql("SELECT MAX(id) FROM (SELECT id FROM household WHERE id >= :from ORDER BY id"
                    + " FETCH FIRST " + RUN + " ROWS ONLY)").param("from", from));
            jdbc.sql("UPDATE household SET updated_at = :old WHERE id BETWEEN :from AND :upTo")
                    .param("old", old).param("from", from).param("upTo", upTo).update();
            from = first(jdbc.sql("SELECT MIN(id) FROM household WHERE id > :upTo").param("upTo", upTo));
        }
    }

    /** The single value a query of one aggregate answers, null if there is none. */
    private static @Nullable String first(JdbcClient.StatementSpec query) {
        List<String> values = query.query(String.class).list();
        return values.isEmpty() ? null : values.get(0);
    }
}
