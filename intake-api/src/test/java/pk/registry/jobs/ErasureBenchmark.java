package pk.registry.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The erasure benchmark (not a test): with N households registered and an approved erasure
 * request each, (a) a set-based JDBC delete of their rows (consents, CNIC claims, scores,
 * idempotency keys, households; the requests marked completed) in one transaction, against (b)
 * the {@code erasure} job carrying out the same requests for the same households registered
 * again (audited, announced, certified, a chunk per transaction). Prints rows deleted per second
 * of both, the ratio (b)/(a), and the job's heap after collections (its peak while it ran, and at its
 * end), for each round (the same households registered and erased again) and the round of the median
 * ratio.
 * <p>
 * Run with {@code ./benchmark erasure [households [warm-up households [registry [rounds]]]]} (default
 * 10,000 and 3 rounds; the warm-up, unmeasured, runs both on 1,000 first; with a registry larger than the
 * households erased, the rest are registered first, with their requests refused, so that the
 * cost can be seen against the registry's size).
 */
public final class ErasureBenchmark {

    private ErasureBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int households = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int registry = args.length > 2 ? Integer.parseInt(args[2]) : households;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Path work = Files.createTempDirectory("registry-erasure-benchmark");
        try (ConfigurableApplicationContext context = JobBenchmarks.start(work)) {
            if (registry > households) {
                JobBenchmarks.register(context, JobBenchmarks.file(work, "rest-of-the-registry", registry - households),
                        registry - households);
                decideEveryHousehold(context.getBean(JdbcClient.class), "REFUSED");
            }
            round(context, JobBenchmarks.file(work, "warm-up", warmUp), warmUp);
            System.out.printf(Locale.ROOT, "warm-up: %,d households through both%n", warmUp);
            List<JobBenchmarks.Result[]> measured = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                measured.add(round(context, JobBenchmarks.file(work, "households", households), households));
            }
            JobBenchmarks.compareMedian("erasure", registry, households, measured);
        }
    }

    private static JobBenchmarks.Result[] round(ConfigurableApplicationContext context, Path file, int households)
            throws InterruptedException {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        JobBenchmarks.register(context, file, households);
        decideEveryHousehold(jdbc, "APPROVED");
        JobBenchmarks.Result baseline = JobBenchmarks.baseline(context, "set-based delete", List.of(
                "DELETE FROM consent_status WHERE consent_id IN (SELECT c.id FROM consent_record c JOIN erasure_request r"
                        + " ON r.household_id = c.household_id WHERE r.status = 'APPROVED')",
                approved("consent_record", "household_id"), approved("household_cnic", "household_id"),
                approved("household_score", "household_id"), approved("idempotency_key", "household_id"),
                approved("household", "id"),
                "UPDATE erasure_request SET status = 'COMPLETED', completed_at = CURRENT_TIMESTAMP, open_household = NULL"
                        + " WHERE status = 'APPROVED'"));
        JobBenchmarks.register(context, file, households);
        decideEveryHousehold(jdbc, "APPROVED");
        JobBenchmarks.Result job = JobBenchmarks.job(context, "erasure job", RegistryJob.ERASURE,
                DpoJobs.erasureParameters(false));
        return new JobBenchmarks.Result[] { baseline, job };
    }

    private static String approved(String table, String householdColumn) {
        return "DELETE FROM " + table + " WHERE " + householdColumn
                + " IN (SELECT household_id FROM erasure_request WHERE status = 'APPROVED')";
    }

    /** A request decided so for every household without one, as the DPO's decisions leave them. */
    private static void decideEveryHousehold(JdbcClient jdbc, String status) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                INSERT INTO erasure_request (id, household_id, requester_token, status, requested_at, decided_by, decided_at,
                    open_household)
                SELECT RANDOM_UUID(), h.id, h.mobile_token, :status, :now, 'benchmark-dpo', :now,
                       CASE WHEN :status = 'APPROVED' THEN h.id END FROM household h
                WHERE NOT EXISTS (SELECT 1 FROM erasure_request r WHERE r.household_id = h.id)""")
                .param("status", status).param("now", now).update();
    }
}
