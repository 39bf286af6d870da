package pk.registry.jobs;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import pk.registry.household.HouseholdScores;
import pk.registry.household.PmtModel;

/**
 * The rescoring benchmark (not a test): with N households registered, (a) a set-based JDBC copy
 * of every household's current score under a new model version (one INSERT ... SELECT, in one
 * transaction: what a flat copy of the score rows costs), against (b) the {@code rescoring} job
 * scoring every household under another new version (each household unsealed, scored, its
 * explanation sealed, a chunk per transaction). Prints score rows written per second of both,
 * the ratio (b)/(a), and the job's heap after collections (its peak while it ran, and at its end), for
 * each round (each under versions of its own) and the round of the median ratio.
 * <p>
 * Run with {@code ./benchmark rescoring [households [warm-up households [rounds]]]} (default 100,000 and 3 rounds; the
 * warm-up, unmeasured, runs both over 10,000 households first, pass after pass until a pass spends
 * under a tenth of its time compiling, at most eight: scoring unseals and seals every household,
 * and on two cores HotSpot is still compiling that after 2,000; with that warm-up a run at 10,000
 * households measured 0.15 of the copy, against 0.24 after one pass of 10,000 and 0.35 after eight).
 */
public final class RescoringBenchmark {

    private RescoringBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int households = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path work = Files.createTempDirectory("registry-rescoring-benchmark");
        try (ConfigurableApplicationContext context = JobBenchmarks.start(work)) {
            JobBenchmarks.register(context, JobBenchmarks.file(work, "warm-up", warmUp), warmUp);
            // As the import's benchmark does: passes over the warm-up households until one spends under a
            // tenth of its time compiling (at most eight), so that the rounds measure compiled code.
            for (int pass = 1; ; pass++) {
                long compiled = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
                JobBenchmarks.Result[] warm = round(context);
                double compiling = (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - compiled) / 1e3
                        / (warm[0].seconds() + warm[1].seconds());
                System.out.printf(Locale.ROOT, "warm-up pass %d: %,d households through both, compiling %.0f%% of"
                        + " their time%n", pass, warmUp, compiling * 100);
                if (compiling < 0.1 || pass == 8) {
                    break;
                }
            }
            JobBenchmarks.register(context, JobBenchmarks.file(work, "households", households), households);
            List<JobBenchmarks.Result[]> measured = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                measured.add(round(context));
            }
            JobBenchmarks.compareMedian("rescoring", households, warmUp + households, measured);
        }
    }

    /** Both over every household registered so far, each under a version of its own. */
    private static JobBenchmarks.Result[] round(ConfigurableApplicationContext context)
            throws InterruptedException {
        HouseholdScores scores = context.getBean(HouseholdScores.class);
        PmtModel active = scores.activeModel();
        String copied = publishCopy(scores, active);
        JobBenchmarks.Result baseline = JobBenchmarks.baseline(context, "set-based copy", List.of("""
                INSERT INTO household_score (household_id, model_version, score, explanation_ct, scored_at)
                SELECT household_id, '%s', score, explanation_ct, CURRENT_TIMESTAMP FROM household_score
                WHERE model_version = '%s'""".formatted(copied, active.version())));
        String rescored = publishCopy(scores, active);
        JobBenchmarks.Result job = JobBenchmarks.job(context, "rescoring job", RegistryJob.RESCORING,
                Rescorings.parameters(rescored, UUID.randomUUID().toString()));
        // The next round starts from the same score table: the copy's scan of it grows with every version kept.
        context.getBean(JdbcClient.class).sql("DELETE FROM household_score WHERE model_version IN (:versions)")
                .param("versions", List.of(copied, rescored)).update();
        return new JobBenchmarks.Result[] { baseline, job };
    }

    /** A new version with the active one's weights (published, not activated: partners' answers do not change). */
    private static String publishCopy(HouseholdScores scores, PmtModel active) {
        String version = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        scores.publish(new PmtModel(version, active.base(), active.weights()));
        return version;
    }
}
