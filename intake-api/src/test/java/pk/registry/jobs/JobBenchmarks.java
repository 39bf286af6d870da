package pk.registry.jobs;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import pk.registry.BenchmarkReport;
import pk.registry.RegistryApplication;
import pk.registry.imports.HouseholdImports;
import pk.registry.imports.ImportBenchmark;
import pk.registry.imports.ImportStatus;
import pk.registry.kernel.Actor;
import pk.registry.kernel.Role;

/**
 * What the DPO jobs' benchmarks share: the service in one process, households registered by the
 * real import, a set-based JDBC baseline timed in one transaction (or repeated, a transaction
 * per batch, until no batch is left), the job timed from its start to its end in the job repository, and the heap
 * after collections while it runs and after its end (it should stay flat however many items the
 * job goes through).
 */
final class JobBenchmarks {

    /** What the erasure of a household deletes, child tables first. */
    static final List<String> HOUSEHOLD_TABLES = List.of("consent_status", "consent_record", "household_cnic",
            "household_score", "idempotency_key", "household");

    private static final Actor OFFICER = new Actor("benchmark-officer", Role.FIELD_OFFICER, Set.of("Lahore", "Kasur"), null);

    private JobBenchmarks() {
    }

    /** How a measured run went. */
    record Result(String name, long rows, double seconds, List<Long> heap) {

        double rowsPerSecond() {
            return rows / seconds;
        }

        void print() {
            System.out.printf(Locale.ROOT, "%s: %,d rows in %.1f s, %,.0f rows/s%s%n", name, rows, seconds,
                    rowsPerSecond(), heap.isEmpty() ? "" : ", heap after collections, peak while it ran and after its end: "
                            + heap.stream().map(bytes -> String.format(Locale.ROOT, "%,d MB", bytes >> 20)).toList());
        }
    }

    static ConfigurableApplicationContext start(Path work) {
        return new SpringApplicationBuilder(RegistryApplication.class).profiles("demo")
                .run("--registry.data-dir=" + work.resolve("data"), "--spring.main.web-application-type=none",
                        "--spring.main.banner-mode=off", "--logging.level.root=WARN", "--registry.retention.sweep-cron=-");
    }

    /**
     * Writes the benchmark's household file (ImportBenchmark's generator: about six persons each),
     * with CNICs of its own for each file name, so that files can be registered side by side.
     */
    static Path file(Path work, String name, int households) throws Exception {
        Path file = work.resolve(name + ".csv");
        if (!Files.exists(file)) {
            long firstSerial = switch (name) {
                case "warm-up" -> 600_000_000L;
                case "rest-of-the-registry" -> 1_200_000_000L;
                default -> 1_000_000L;
            };
            ImportBenchmark.generate(file, households, new Random(42), firstSerial);
        }
        return file;
    }

    /** Registers the file's households by the real import. */
    static void register(ConfigurableApplicationContext context, Path file, int households) {
        long start = System.nanoTime();
        ImportStatus status = context.getBean(HouseholdImports.class).runNow(OFFICER, file);
        if (!status.completed() || status.householdsStored() != households) {
            throw new IllegalStateException("the import did not store every household: " + status);
        }
        System.out.printf(Locale.ROOT, "registered %,d households in %.1f s%n", households, (System.nanoTime() - start) / 1e9);
    }

    static long rows(JdbcClient jdbc) {
        long rows = 0;
        for (String table : HOUSEHOLD_TABLES) {
            rows += jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
        }
        return rows;
    }

    /** Times set-based statements in one transaction; returns the rows of the household tables they deleted or wrote. */
    static Result baseline(ConfigurableApplicationContext context, String name, List<String> statements) {
        return baseline(context, name, statements, false);
    }

    /**
     * Times set-based statements repeated in a transaction of their own each time, until the
     * last statement changes no row: each statement picks the batch it works on itself (the next
     * households from an index, say), and the last one takes that batch out of the way.
     */
    static Result baselineInBatches(ConfigurableApplicationContext context, String name, List<String> statements) {
        return baseline(context, name, statements, true);
    }

    private static Result baseline(ConfigurableApplicationContext context, String name, List<String> statements,
            boolean untilNoneLeft) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        TransactionTemplate transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        long before = rows(jdbc);
        long start = System.nanoTime();
        long[] rows = new long[statements.size()];
        long[] nanos = new long[statements.size()];
        int batches = 0;
        boolean more = true;
        while (more) {
            long last = Objects.requireNonNull(transactions.execute(status -> {
                long changed = 0;
                for (int i = 0; i < statements.size(); i++) {
                    long statement = System.nanoTime();
                    changed = jdbc.sql(statements.get(i)).update();
                    rows[i] += changed;
                    nanos[i] += System.nanoTime() - statement;
                }
                return changed;
            }));
            batches++;
            more = untilNoneLeft && last > 0;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<String> timings = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            timings.add(String.format(Locale.ROOT, "%,d rows %.2f s", rows[i], nanos[i] / 1e9));
        }
        System.out.println(name + " statements" + (batches > 1 ? " over " + batches + " transactions" : "")
                + ": " + timings);
        return new Result(name, Math.abs(before - rows(jdbc)), seconds, List.of());
    }

    /**
     * Starts the job in the background as the service would and times it from its start to its end
     * in the job repository. Its heap is read from what the collectors report after each of their
     * collections while it runs (the peak), and after a full collection once it has ended: with two
     * full collections forced while it ran (their time taken off), a rescoring of 10,000 households
     * wrote 16,000-20,000 score rows a second, against 24,000-28,000 without them.
     */
    static Result job(ConfigurableApplicationContext context, String name, RegistryJob job, JobParameters parameters)
            throws InterruptedException {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        JobRuns runs = context.getBean(JobRuns.class);
        long before = rows(jdbc);
        JobRunStatus status;
        long peak;
        try (HeapAfterCollections heap = HeapAfterCollections.watch()) {
            long id = runs.start(job, parameters);
            status = runs.status(job, id).orElseThrow();
            while (!status.finished()) {
                Thread.sleep(250);
                status = runs.status(job, id).orElseThrow();
            }
            peak = heap.peak();
        }
        if (!"COMPLETED".equals(status.status()) || status.startedAt() == null || status.endedAt() == null) {
            throw new IllegalStateException(name + " ended " + status.status());
        }
        double seconds = Duration.between(status.startedAt(), status.endedAt()).toNanos() / 1e9;
        System.out.printf(Locale.ROOT, "%s report: %s%n", name, status.report());
        return new Result(name, Math.abs(before - rows(jdbc)), seconds, List.of(peak, heapAfterGc()));
    }

    /**
     * Prints both, their ratio, and adds them to the benchmark report when one is being written:
     * the registry's size and the job's time per household it went through.
     */
    static void compare(String benchmark, int registry, int households, Result baseline, Result job) {
        baseline.print();
        job.print();
        double ratio = job.rowsPerSecond() / baseline.rowsPerSecond();
        System.out.printf(Locale.ROOT, "ratio %s / %s: %.2f (target >= 0.50)%n", job.name(), baseline.name(), ratio);
        BenchmarkReport.add(benchmark, registry, job.name() + " rows/s", job.rowsPerSecond(),
                baseline.name() + " rows/s", baseline.rowsPerSecond(), job.seconds() * 1e6 / households);
    }

    /**
     * Prints each round's ratio, then compares as {@link #compare} the round of the median ratio:
     * on two cores one run's figure scatters by a fifth either way.
     */
    static void compareMedian(String benchmark, int registry, int households, List<Result[]> rounds) {
        for (int i = 0; i < rounds.size(); i++) {
            Result[] round = rounds.get(i);
            System.out.printf(Locale.ROOT, "round %d: %,.0f against %,.0f rows/s, ratio %.2f%n", i + 1,
                    round[1].rowsPerSecond(), round[0].rowsPerSecond(), ratio(round));
        }
        List<Result[]> byRatio = new ArrayList<>(rounds);
        byRatio.sort(Comparator.comparingDouble(JobBenchmarks::ratio));
        Result[] median = byRatio.get(byRatio.size() / 2);
        System.out.println("the round of the median ratio:");
        compare(benchmark, registry, households, median[0], median[1]);
    }

    /** A round's job against its baseline. */
    private static double ratio(Result[] round) {
        return round[1].rowsPerSecond() / round[0].rowsPerSecond();
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
