package pk.registry.sharing;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import pk.registry.BenchmarkReport;
import pk.registry.RegistryApplication;
import pk.registry.imports.HouseholdImports;
import pk.registry.imports.ImportBenchmark;
import pk.registry.kernel.Actor;
import pk.registry.kernel.Purpose;
import pk.registry.kernel.Role;

/**
 * The verification benchmark (not a test): with 100,000 registered households, partner
 * verifications per second at 16 concurrent clients against an authenticated trivial endpoint
 * of the same service ({@code GET /api/v1/partner/agreement}), in one process, alternating in
 * rounds. Prints both, their p50 and p99 latencies, the ratio, and the p50 of questions about
 * registered and unregistered CNICs apart (they should not differ measurably).
 * <p>
 * Run with {@code ./benchmark verification [households [seconds [rounds]]]} (default 100,000,
 * 15 seconds a measurement, 3 rounds).
 */
public final class VerificationBenchmark {

    private static final int CLIENTS = 16;

    private VerificationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int households = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path work = Files.createTempDirectory("registry-verification-benchmark");
        Path file = work.resolve("households.csv");
        ImportBenchmark.generate(file, households, new Random(42));
        List<String> registered = cnics(file);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(RegistryApplication.class)
                .profiles("demo")
                .run("--registry.data-dir=" + work.resolve("data"), "--server.port=0", "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN", "--server.tomcat.threads.max=32")) {
            var status = context.getBean(HouseholdImports.class).runNow(
                    new Actor("benchmark-officer", Role.FIELD_OFFICER, Set.of("Lahore", "Kasur"), null), file);
            System.out.printf(Locale.ROOT, "registered %,d households (%,d CNICs) by import: %s%n",
                    status.householdsStored(), registered.size(), status.status());
            raiseQuota(context.getBean(PartnerManagement.class));
            String base = "http://localhost:" + context.getBean(Environment.class).getProperty("local.server.port");
            String token = partnerToken(base);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Random random = new Random(7);
            IntFunction<HttpRequest> trivial = i -> HttpRequest.newBuilder(URI.create(base + "/api/v1/partner/agreement"))
                    .header("Authorization", "Bearer " + token).GET().build();
            IntFunction<HttpRequest> verification = i -> verification(base, token,
                    i % 2 == 0 ? registered.get(random.nextInt(registered.size())) : unregistered(random));
            run(client, trivial, 5, "warm-up, trivial");
            run(client, verification, 5, "warm-up, verification");
            double[] ratios = new double[rounds];
            double[] trivials = new double[rounds];
            double[] answers = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                Result baseline = run(client, trivial, seconds, "trivial endpoint");
                Result verifications = run(client, verification, seconds, "verification");
                ratios[round] = verifications.perSecond() / baseline.perSecond();
                trivials[round] = baseline.perSecond();
                answers[round] = verifications.perSecond();
                System.out.printf(Locale.ROOT, "round %d: trivial %,.0f/s, verification %,.0f/s, ratio %.2f%n",
                        round + 1, baseline.perSecond(), verifications.perSecond(), ratios[round]);
            }
            Arrays.sort(ratios);
            System.out.printf(Locale.ROOT, "ratio verification / trivial, median of %d rounds: %.2f (target >= 0.50)%n",
                    rounds, ratios[rounds / 2]);
            Arrays.sort(trivials);
            Arrays.sort(answers);
            BenchmarkReport.add("verification", households, "verifications/s", answers[rounds / 2],
                    "trivial endpoint requests/s", trivials[rounds / 2], 1e6 / answers[rounds / 2]);
            // Registered and unregistered alternate (U R R U), so that neither is measured while the
            // other warms up: their p50s are averaged over two runs each.
            double[] registeredP50 = new double[2];
            double[] unregisteredP50 = new double[2];
            for (int pass = 0; pass < 2; pass++) {
                Result unregisteredOnly = null;
                if (pass == 0) {
                    unregisteredOnly = run(client, i -> verification(base, token, unregistered(random)), seconds,
                            "unregistered CNICs only");
                }
                Result registeredOnly = run(client, i -> verification(base, token,
                        registered.get(random.nextInt(registered.size()))), seconds, "registered CNICs only");
                if (pass == 1) {
                    unregisteredOnly = run(client, i -> verification(base, token, unregistered(random)), seconds,
                            "unregistered CNICs only");
                }
                registeredP50[pass] = registeredOnly.p50();
                unregisteredP50[pass] = unregisteredOnly.p50();
            }
            System.out.printf(Locale.ROOT, "p50 registered %.2f ms, unregistered %.2f ms (each the mean of two runs)%n",
                    (registeredP50[0] + registeredP50[1]) / 2, (unregisteredP50[0] + unregisteredP50[1]) / 2);
        }
    }

    private record Result(double perSecond, double p50, double p99) {
    }

    /** {@value #CLIENTS} clients send requests as fast as they are answered, for the given time. */
    private static Result run(HttpClient client, IntFunction<HttpRequest> requests, int seconds, String name)
            throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        List<List<Long>> latencies = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(CLIENTS);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            List<Long> mine = new ArrayList<>();
            latencies.add(mine);
            threads.add(new Thread(() -> {
                try {
                    for (int i = 0; !stop.get(); i++) {
                        long start = System.nanoTime();
                        HttpResponse<String> response = client.send(requests.apply(i), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(name + " answered " + response.statusCode());
                        }
                        mine.add(System.nanoTime() - start);
                    }
                }
                catch (IOException | InterruptedException ex) {
                    throw new IllegalStateException(ex);
                }
                finally {
                    done.countDown();
                }
            }));
        }
        Instant started = Instant.now();
        threads.forEach(Thread::start);
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        done.await();
        double elapsed = Duration.between(started, Instant.now()).toNanos() / 1e9;
        long[] all = latencies.stream().flatMap(List::stream).mapToLong(Long::longValue).sorted().toArray();
        Result result = new Result(all.length / elapsed, all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6);
        System.out.printf(Locale.ROOT, "%s: %,d requests in %.1f s, %,.0f/s, p50 %.2f ms, p99 %.2f ms%n", name, all.length,
                elapsed, result.perSecond(), result.p50(), result.p99());
        return result;
    }

    private static HttpRequest verification(String base, String token, String cnic) {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/verifications"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"cnic\":\"" + cnic
                        + "\",\"programme\":\"CASH_TRANSFER\",\"purpose\":\"ELIGIBILITY_ASSESSMENT\"}"))
                .build();
    }

    /** A well-formed CNIC that the generated file does not hold (its CNICs start with 35, these with 6). */
    private static String unregistered(Random random) {
        String body = "6" + String.format(Locale.ROOT, "%011d", Math.floorMod(random.nextLong(), 100_000_000_000L));
        return body.substring(0, 5) + "-" + body.substring(5, 12) + "-" + (random.nextBoolean() ? 1 : 2);
    }

    private static List<String> cnics(Path file) throws IOException {
        List<String> cnics = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                String cnic = record.get("cnic");
                if (!cnic.isEmpty()) {
                    cnics.add(cnic);
                }
            }
        }
        return cnics;
    }

    private static void raiseQuota(PartnerManagement partners) {
        Agreement demo = partners.agreement(AgreementId.of("demo-agreement")).orElseThrow();
        partners.saveAgreement(new Agreement(demo.id(), demo.agency(), demo.status(), demo.validFrom(),
                LocalDate.of(2099, 1, 1), 100_000_000, demo.programmes(), EnumSet.copyOf(demo.purposes()),
                demo.fields(), demo.jurisdiction(), demo.transferApproval(), demo.callbackBaseUrl(), demo.jwks(),
                demo.dciSenderId(), demo.updatedAt()));
        if (!demo.purposes().contains(Purpose.ELIGIBILITY_ASSESSMENT)) {
            throw new IllegalStateException("the demo agreement lost its purpose");
        }
    }

    private static String partnerToken(String base) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString("demo-partner:demo-secret".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        int start = body.indexOf("\"access_token\":\"") + 16;
        return body.substring(start, body.indexOf('"', start));
    }
}
