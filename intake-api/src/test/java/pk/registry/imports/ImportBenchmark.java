package pk.registry.imports;

import java.io.BufferedWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import pk.registry.BenchmarkReport;
import pk.registry.RegistryApplication;
import pk.registry.consent.ConsentManagement;
import pk.registry.household.HouseholdManagement;
import pk.registry.kernel.Actor;
import pk.registry.kernel.Role;

/**
 * The import benchmark (not a test): generates a realistic, all-valid template-v1 file, then
 * in one process on one machine runs (a) a plain Spring Batch job that reads the same file
 * with Commons CSV and writes every row to one flat table with {@code JdbcBatchItemWriter}
 * (no validation, no encryption, same H2 settings) and (b) the real {@code householdImport}.
 * Prints persons per second for both and the ratio (b)/(a) of each round, and their median.
 * <p>
 * Run with {@code ./benchmark [households [warm-up households [rounds]]]} (default 50,000
 * households of about 6 persons; the warm-up, unmeasured, runs both jobs on a tenth of that,
 * at least 10,000, first; then three rounds of both, and the median ratio).
 */
public final class ImportBenchmark {

    private static final String[] MALE = { "Muhammad Aslam", "Ahmed Raza", "Bilal Hussain", "Usman Ali", "Imran Khan", "Tariq Mehmood" };
    private static final String[] FEMALE = { "Nasreen Bibi", "Shazia Parveen", "Ayesha Noor", "Fatima Zahra", "Rubina Kausar", "شگفتہ پروین" };

    /** The officer both imports run as; the generated files hold these districts only. */
    private static final Actor OFFICER = new Actor("benchmark-officer", Role.FIELD_OFFICER, Set.of("Lahore", "Kasur"), null);

    /**
     * CNIC serials of each generated file, apart: more than any file's adults. The warm-up passes
     * take the first eight ranges, (d) the ninth, then (b) and (c) of each round one each; serials
     * have ten digits. (Ranges a billion apart let round 4's (c) reuse (d)'s CNICs: it stored none.)
     */
    private static final long SERIALS_PER_FILE = 100_000_000L;
    private static final int MAX_ROUNDS = 44;

    /**
     * (d) runs at up to this many households. It explains a design choice, and at a million it
     * would add a million households to the database (about 9 GB) and eight minutes to the run.
     */
    private static final int MAX_CONCURRENT_HOUSEHOLDS = 100_000;

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int households = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        if (rounds < 1 || rounds > MAX_ROUNDS) {
            throw new IllegalArgumentException("rounds must be 1 to " + MAX_ROUNDS);
        }
        Path work = Files.createTempDirectory("registry-benchmark");
        Path file = work.resolve("households.csv");
        long persons = generate(file, households, new Random(42));
        System.out.printf(Locale.ROOT, "file: %,d households, %,d persons, %,d bytes%n", households, persons, Files.size(file));

        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(RegistryApplication.class)
                .profiles("demo")
                .run("--registry.data-dir=" + work.resolve("data"), "--spring.main.web-application-type=none",
                        "--spring.main.banner-mode=off", "--logging.level.root=WARN")) {
            // Warm-up, not measured: both jobs on a tenth of the size, at least 10,000 households (passes
            // of 5,000 left HotSpot compiling for seconds inside the measured imports), so that the
            // measured runs see JIT-compiled code, as in a service that has been running. On two cores
            // HotSpot takes tens of thousands of households to compile H2, the rule set, Tink and Spring
            // Batch, and compiling takes a core from the job, so the warm-up passes repeat (fresh CNICs
            // each time) until a pass of the import spends under a tenth of its time compiling, at most
            // eight passes.
            int warmUpHouseholds = args.length > 1 ? Integer.parseInt(args[1]) : Math.max(10_000, households / 10);
            for (int pass = 1; ; pass++) {
                Path warmUp = work.resolve("warm-up.csv");
                generate(warmUp, warmUpHouseholds, new Random(7), pass * SERIALS_PER_FILE);
                baseline(context, warmUp, "benchmark_warm_up_" + pass);
                Usage before = Usage.now();
                double seconds = importOnce(context, warmUp, warmUpHouseholds);
                double compiling = Usage.now().minus(before).jitMillis() / 1e3 / seconds;
                Files.delete(warmUp);
                System.out.printf(Locale.ROOT, "warm-up pass %d: %,d households through both jobs, the import compiling"
                        + " %.0f%% of its time%n", pass, warmUpHouseholds, compiling * 100);
                if (compiling < 0.1 || pass == 8) {
                    break;
                }
            }
            // Rounds alternate the two jobs, so that whatever the machine does meanwhile (JIT, other
            // processes) falls on both; each round imports the same households with CNICs of its own.
            double[] ratios = new double[rounds];
            double[] bounds = new double[rounds];
            double concurrent = Double.NaN;
            double[] baselines = new double[rounds];
            double[] imports = new double[rounds];
            double[] storages = new double[rounds];
            // Paired, like (b)/(a): a round's (b) and (c) run back to back against the same database, while the
            // database grows from round to round. The ratio of the medians mixes rounds; it is shown beside.
            double[] hidden = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                double baseline = persons / baseline(context, file, "benchmark_flat_" + round);
                Path roundFile = work.resolve("households-" + round + ".csv");
                // Every run adds its households to the same database, which slows the next run a little,
                // so (b) and (c) take turns going first.
                double real = 0;
                double storage = 0;
                for (int turn = 0; turn < 2; turn++) {
                    if ((round + turn) % 2 == 0) {
                        generate(roundFile, households, new Random(42), (10 + 2 * round) * SERIALS_PER_FILE);
                        real = persons / importOnce(context, roundFile, households);
                    }
                    else {
                        generate(roundFile, households, new Random(42), (11 + 2 * round) * SERIALS_PER_FILE);
                        storage = persons / storageOnly(context, roundFile, households);
                    }
                }
                // (d) explains a design choice and is slow, so it runs in the first round only.
                boolean withConcurrent = round == 0 && households <= MAX_CONCURRENT_HOUSEHOLDS;
                if (withConcurrent) {
                    generate(roundFile, households, new Random(42), 9 * SERIALS_PER_FILE);
                    concurrent = persons / frameworkConcurrent(context, roundFile, households);
                }
                Files.delete(roundFile);
                ratios[round] = real / baseline;
                bounds[round] = storage / baseline;
                baselines[round] = baseline;
                imports[round] = real;
                storages[round] = storage;
                hidden[round] = real / storage;
                System.out.printf(Locale.ROOT, "round %d: (a) %,.0f persons/s, (b) %,.0f persons/s, ratio %.2f;"
                        + " (c) %,.0f persons/s, (c)/(a) %.2f, (b)/(c) %.2f%s%n", round + 1, baseline, real, ratios[round],
                        storage, bounds[round], hidden[round], withConcurrent ? String.format(Locale.ROOT,
                                "; (d) %,.0f persons/s, (d)/(b) %.2f", concurrent, concurrent / real) : "");
            }
            if (!Double.isNaN(concurrent)) {
                System.out.printf(Locale.ROOT, "(d)/(b), round 1: %.2f: Spring Batch's own concurrent processing against"
                        + " the import's read-ahead%n", concurrent / imports[0]);
            }
            System.out.printf(Locale.ROOT, "ratio (b)/(a), median of %d rounds: %.2f (restated target: never below"
                    + " 0.15)%n", rounds, median(ratios));
            System.out.printf(Locale.ROOT, "(b)/(c), median of %d rounds: %.2f (target >= 0.8); rounds %s; median (b)"
                    + " over median (c): %.2f%n", rounds, median(hidden), java.util.Arrays.stream(hidden)
                            .mapToObj(ratio -> String.format(Locale.ROOT, "%.2f", ratio)).toList(),
                    median(imports) / median(storages));
            System.out.printf(Locale.ROOT, "(c)/(a), median: %.2f: the ratio the import would reach if reading, checking"
                    + " and sealing cost nothing%n", median(bounds));
            // The report shows the round of each median ratio, paired figures that give the ratio printed above.
            int flat = medianRound(ratios);
            BenchmarkReport.add("import (b) against a flat copy (a)", households, "(b) persons/s", imports[flat],
                    "(a) persons/s", baselines[flat], persons / imports[flat] / households * 1e6);
            int own = medianRound(hidden);
            BenchmarkReport.add("import (b) against its own storage (c), target >= 0.8", households, "(b) persons/s",
                    imports[own], "(c) persons/s", storages[own], persons / imports[own] / households * 1e6);
        }
    }

    /**
     * The old generation's peak since the peaks were reset, garbage included until a collection
     * reclaims it: what the import kept long enough to be promoted. A file that streams keeps
     * it bounded whatever its size.
     */
    private static long oldGenerationPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP && pool.getName().contains("Old"))
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    /** The round whose value is the median (the upper one of an even number of rounds). */
    private static int medianRound(double[] values) {
        Integer[] rounds = new Integer[values.length];
        for (int i = 0; i < rounds.length; i++) {
            rounds[i] = i;
        }
        java.util.Arrays.sort(rounds, java.util.Comparator.comparingDouble(round -> values[round]));
        return rounds[rounds.length / 2];
    }

    private static double median(double[] values) {
        return values[medianRound(values)];
    }

    /** Runs the real import of a file and returns its duration in seconds. */
    private static double importOnce(ConfigurableApplicationContext context, Path file, int households) {
        ManagementFactory.getMemoryPoolMXBeans().forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
        Usage before = Usage.now();
        long start = System.nanoTime();
        ImportStatus status = context.getBean(HouseholdImports.class).runNow(OFFICER, file);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!status.completed() || status.householdsStored() != households) {
            throw new IllegalStateException("the import did not store every household: " + status);
        }
        System.out.printf(Locale.ROOT, "householdImport stored %,d households in %.1f s (%s; old generation at most"
                + " %,d MB of a %,d MB heap)%n", households, seconds, Usage.now().minus(before), oldGenerationPeak() >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        return seconds;
    }

    /**
     * (c) The import's storage alone: the real import step, with its chunk transactions, writer,
     * progress counters and restart state, but fed households read, checked and sealed beforehand
     * by the job's own reader and processor. Preparing them is left out of the time. No import of
     * the file can be faster than this.
     */
    private static double storageOnly(ConfigurableApplicationContext context, Path file, int households) throws Exception {
        Staged staged = Staged.of(context, file);
        Prepared prepared = new Prepared(staged.reader(), staged.processor());
        Usage before = Usage.now();
        long nanos = staged.run(context, "benchmarkStorageAlone", step -> step.<ImportItem, ImportItem>chunk(staged.chunkSize())
                .transactionManager(context.getBean(PlatformTransactionManager.class))
                .reader(prepared).writer(staged.writer()).build(), households);
        double seconds = (nanos - prepared.preparing) / 1e9;
        long cpu = Usage.now().minus(before).cpuNanos() - prepared.preparingCpu;
        System.out.printf(Locale.ROOT, "storage alone stored %,d households in %.1f s (CPU %.1f s); reading, checking"
                + " and sealing them beforehand, one thread: %.1f s%n", households, seconds, cpu / 1e9,
                prepared.preparing / 1e9);
        return seconds;
    }

    /**
     * The reader of (c): hands the step households already read, checked and sealed, preparing
     * them a segment at a time (untimed), then collecting the garbage preparing made, so that
     * storage runs with nothing beside it. Preparing each chunk just before storing it would
     * leave the database idle between chunks, and H2's background writer would do part of
     * storage's work in those untimed gaps. The restart state saved is, as in the real job,
     * that of the last household handed out.
     */
    private static final class Prepared implements ItemStreamReader<ImportItem> {

        private static final int SEGMENT = 10_000;

        private final HouseholdCsvReader reader;
        private final HouseholdRowsProcessor processor;
        private final java.util.ArrayDeque<ImportItem> items = new java.util.ArrayDeque<>();
        private final java.util.ArrayDeque<ExecutionContext> states = new java.util.ArrayDeque<>();
        private ExecutionContext handedOut = new ExecutionContext();
        private boolean ended;
        long preparing;
        long preparingCpu;

        Prepared(HouseholdCsvReader reader, HouseholdRowsProcessor processor) {
            this.reader = reader;
            this.processor = processor;
        }

        @Override
        public void open(ExecutionContext context) {
            reader.open(context);
        }

        @Override
        public ImportItem read() throws Exception {
            if (items.isEmpty() && !ended) {
                prepare();
            }
            ImportItem item = items.poll();
            if (item != null) {
                handedOut = states.remove();
            }
            return item;
        }

        private void prepare() throws Exception {
            Usage before = Usage.now();
            long start = System.nanoTime();
            while (items.size() < SEGMENT && !ended) {
                HouseholdRows rows = reader.read();
                ended = rows == null;
                if (!ended) {
                    items.add(processor.process(Objects.requireNonNull(rows)));
                    ExecutionContext state = new ExecutionContext();
                    reader.update(state);
                    states.add(state);
                }
            }
            System.gc();
            preparing += System.nanoTime() - start;
            preparingCpu += Usage.now().minus(before).cpuNanos();
        }

        @Override
        public void update(ExecutionContext context) {
            handedOut.entrySet().forEach(entry -> context.put(entry.getKey(), entry.getValue()));
        }

        @Override
        public void close() {
            reader.close();
        }
    }

    /**
     * (d) The import's reader, processor and writer in a step of Spring Batch 6's own concurrent
     * chunk processing (items of a chunk processed on two threads, the chunk written after),
     * instead of the read-ahead that overlaps checking and sealing with the writing of the
     * previous chunk.
     */
    private static double frameworkConcurrent(ConfigurableApplicationContext context, Path file, int households)
            throws Exception {
        Staged staged = Staged.of(context, file);
        org.springframework.core.task.SimpleAsyncTaskExecutor threads = new org.springframework.core.task.SimpleAsyncTaskExecutor("process-");
        threads.setConcurrencyLimit(2);
        Usage before = Usage.now();
        double seconds = staged.run(context, "benchmarkFrameworkConcurrent", step -> step
                .<HouseholdRows, ImportItem>chunk(staged.chunkSize())
                .transactionManager(context.getBean(PlatformTransactionManager.class))
                .reader(staged.reader()).processor(staged.processor()).writer(staged.writer())
                .taskExecutor(threads).build(), households) / 1e9;
        System.out.printf(Locale.ROOT, "framework concurrency stored %,d households in %.1f s (%s)%n", households, seconds,
                Usage.now().minus(before));
        return seconds;
    }

    /** A file staged as an import of the benchmark's officer, with the real job's reader, processor and writer for it. */
    private record Staged(ImportId id, int chunkSize, HouseholdCsvReader reader, HouseholdRowsProcessor processor,
            HouseholdImportWriter writer) {

        static Staged of(ConfigurableApplicationContext context, Path file) throws IOException {
            ImportId id = context.getBean(HouseholdImports.class).stage(OFFICER, Files.size(file),
                    target -> Files.copy(file, target));
            ImportProperties properties = context.getBean(ImportProperties.class);
            HouseholdManagement management = context.getBean(HouseholdManagement.class);
            java.time.Clock clock = context.getBean(java.time.Clock.class);
            return new Staged(id, properties.chunkSize(),
                    new HouseholdCsvReader(context.getBean(ImportNode.class).staged(id), properties.maxRecordChars()),
                    new HouseholdRowsProcessor(context.getBean(jakarta.validation.Validator.class),
                            context.getBean(ConsentManagement.class), management, OFFICER, clock),
                    new HouseholdImportWriter(management, context.getBean(ImportRecords.class), OFFICER, id, clock));
        }

        /** Runs a one-step job on this import, checks it stored every household, and returns its nanoseconds. */
        long run(ConfigurableApplicationContext context, String name,
                java.util.function.Function<StepBuilder, org.springframework.batch.core.step.Step> step, int households)
                throws Exception {
            JobRepository jobs = context.getBean(JobRepository.class);
            Job job = new JobBuilder(name, jobs).start(step.apply(new StepBuilder(name + "Step", jobs))).build();
            long start = System.nanoTime();
            context.getBean(JobOperator.class).start(job, new JobParametersBuilder().addLong("run", System.nanoTime())
                    .toJobParameters());
            long nanos = System.nanoTime() - start;
            long stored = context.getBean(ImportRecords.class).status(id).orElseThrow().householdsStored();
            if (stored != households) {
                throw new IllegalStateException(name + " stored " + stored + " of " + households + " households");
            }
            return nanos;
        }
    }

    /** Runs the plain job and returns its duration in seconds. */
    private static double baseline(ConfigurableApplicationContext context, Path file, String table) throws Exception {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        StringBuilder columns = new StringBuilder();
        for (String column : TemplateV1.columns()) {
            columns.append(columns.isEmpty() ? "" : ", ").append(column).append(" VARCHAR(400)");
        }
        jdbc.sql("CREATE TABLE " + table + " (" + columns + ")").update();
        String insert = "INSERT INTO " + table + " (" + String.join(", ", TemplateV1.columns()) + ") VALUES ("
                + String.join(", ", TemplateV1.columns().stream().map(c -> "?").toList()) + ")";
        JdbcBatchItemWriter<String[]> writer = new JdbcBatchItemWriterBuilder<String[]>()
                .dataSource(context.getBean(DataSource.class)).sql(insert)
                .itemPreparedStatementSetter((row, statement) -> {
                    for (int i = 0; i < row.length; i++) {
                        statement.setString(i + 1, row[i]);
                    }
                }).build();
        writer.afterPropertiesSet();
        JobRepository jobs = context.getBean(JobRepository.class);
        Job job = new JobBuilder("benchmarkBaseline", jobs).start(new StepBuilder("flat", jobs).<String[], String[]>chunk(1000)
                .transactionManager(context.getBean(PlatformTransactionManager.class))
                .reader(new RowReader(file)).writer(writer).build()).build();
        Usage before = Usage.now();
        long start = System.nanoTime();
        context.getBean(JobOperator.class).start(job, new JobParametersBuilder().addLong("run", System.nanoTime()).toJobParameters());
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "baseline stored %,d rows in %.1f s (%s)%n",
                jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single(), seconds,
                Usage.now().minus(before));
        return seconds;
    }

    /** CPU, garbage collection and JIT compilation time of the whole process, to see where a run's time went. */
    private record Usage(long cpuNanos, long gcMillis, long jitMillis) {
        static Usage now() {
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long gc = ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
            return new Usage(os.getProcessCpuTime(), gc, ManagementFactory.getCompilationMXBean().getTotalCompilationTime());
        }

        Usage minus(Usage earlier) {
            return new Usage(cpuNanos - earlier.cpuNanos, gcMillis - earlier.gcMillis, jitMillis - earlier.jitMillis);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "CPU %.1f s, GC %.1f s, JIT %.1f s", cpuNanos / 1e9, gcMillis / 1e3, jitMillis / 1e3);
        }
    }

    /** Commons CSV, one row per item, every column as text. */
    private static final class RowReader implements ItemStreamReader<String[]> {
        private final Path file;
        private CSVParser parser;
        private Iterator<CSVRecord> records;

        RowReader(Path file) {
            this.file = file;
        }

        @Override
        public void open(ExecutionContext context) {
            try {
                Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                parser = CsvFiles.FORMAT.parse(reader);
                records = parser.iterator();
                records.next();
            }
            catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
        }

        @Override
        public String[] read() {
            return records.hasNext() ? records.next().values() : null;
        }

        @Override
        public void close() {
            try {
                parser.close();
            }
            catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
        }
    }

    /** Writes an all-valid file: about six persons a household, CNICs unique, every column filled where it may be. */
    public static long generate(Path file, int households, Random random) throws IOException {
        return generate(file, households, random, 1_000_000L);
    }

    /**
     * A file of valid households whose CNIC serials start at {@code firstSerial}, and whose mobiles
     * are the file's own too (a mobile owns one household at most: a second one would be stored
     * without its owner), for files up to a million households whose serials are a multiple of
     * {@link #SERIALS_PER_FILE} apart.
     */
    public static long generate(Path file, int households, Random random, long firstSerial) throws IOException {
        long firstMobile = 100_000_000L + firstSerial / SERIALS_PER_FILE % 100 * 1_000_000L;
        long persons = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(TemplateV1.headerLine());
            out.write("\r\n");
            long serial = firstSerial;
            for (int h = 0; h < households; h++) {
                int size = 4 + random.nextInt(5);
                String household = String.join(",", random.nextBoolean() ? "Lahore" : "Kasur", "Tehsil " + (h % 7),
                        "\"House " + h + ", Street " + random.nextInt(90) + ", Mohalla " + random.nextInt(40) + "\"",
                        String.format(Locale.ROOT, "03%09d", firstMobile + h), random.nextBoolean() ? "OWNED" : "RENTED",
                        Integer.toString(1 + random.nextInt(5)), "0." + random.nextInt(10), Integer.toString(random.nextInt(6)),
                        random.nextBoolean() ? "Y" : "N", "N", Integer.toString(random.nextInt(9000)),
                        Integer.toString(random.nextInt(3000)), Integer.toString(15000 + random.nextInt(60000)),
                        "2025-01", "IDENTITY_VERIFICATION;ELIGIBILITY_ASSESSMENT;COMMUNICATION", "2025-03-01");
                for (int p = 0; p < size; p++) {
                    boolean head = p == 0;
                    boolean adult = p < 2 || random.nextInt(3) == 0;
                    char gender = p == 1 ? 'F' : random.nextBoolean() ? 'M' : 'F';
                    String relationship = head ? "HEAD" : p == 1 ? "SPOUSE" : adult ? (gender == 'M' ? "BROTHER" : "SISTER")
                            : (gender == 'M' ? "SON" : "DAUGHTER");
                    int year = adult ? 1950 + random.nextInt(50) : 2010 + random.nextInt(14);
                    String cnic = adult ? cnic(serial++, gender) : "";
                    String name = (gender == 'M' ? MALE : FEMALE)[random.nextInt(6)];
                    out.write(String.join(",", "HH-" + h, cnic, name, relationship, String.valueOf(gender),
                            String.format(Locale.ROOT, "%d-%02d-%02d", year, 1 + random.nextInt(12), 1 + random.nextInt(28)),
                            random.nextInt(20) == 0 ? "Y" : "N", adult ? "MATRIC" : "PRIMARY", adult ? "DAILY_WAGE" : "STUDENT",
                            adult ? Integer.toString(random.nextInt(60000)) : "0", head ? household : ",,,,,,,,,,,,,,,"));
                    out.write("\r\n");
                    persons++;
                }
            }
        }
        return persons;
    }

    private static String cnic(long serial, char gender) {
        String body = String.format(Locale.ROOT, "35%010d", serial);
        return body.substring(0, 5) + "-" + body.substring(5, 12) + "-" + (gender == 'F' ? 2 : 1);
    }
}
