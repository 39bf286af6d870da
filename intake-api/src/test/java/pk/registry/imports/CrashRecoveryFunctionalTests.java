package pk.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pk.registry.ServiceNode;

/**
 * kill -9 in the middle of an import, then a plain start of the service: the interrupted
 * import resumes by itself and ends with exactly the valid households stored, none twice,
 * none lost. The service runs as a separate process, as in production.
 */
class CrashRecoveryFunctionalTests {

    private static final int HOUSEHOLDS = 4000;
    private static final Pattern STORED = Pattern.compile("\"householdsStored\":(\\d+)");

    /** Small chunks and short leases, so the kill lands mid-file and the next start takes over soon. */
    private static final String[] NODE = { "--registry.imports.chunk-size=10", "--registry.imports.lease=PT3S",
            "--registry.imports.heartbeat=PT1S", "--registry.imports.recovery-delay=PT1S" };

    @Test
    void anImportKilledMidFileResumesOnTheNextStartAndEndsExact(@TempDir Path dataDir) throws Exception {
        ImportFiles file = new ImportFiles();
        for (int i = 0; i < HOUSEHOLDS; i++) {
            file.household("K-" + i);
        }

        String location;
        try (ServiceNode killed = ServiceNode.start(dataDir, NODE)) {
            String officer = killed.token("demo-field-officer");
            HttpResponse<String> accepted = killed.upload(officer, file.csv());
            assertThat(accepted.statusCode()).isEqualTo(202);
            location = accepted.headers().firstValue("Location").orElseThrow();
            String midway = killed.await(location, officer, body -> stored(body) >= 200, Duration.ofMinutes(5));
            assertThat(stored(midway)).isLessThan(HOUSEHOLDS);
            killed.kill();
        }

        try (ServiceNode restarted = ServiceNode.start(dataDir, NODE)) {
            String done = restarted.await(location, restarted.token("demo-field-officer"),
                    body -> body.contains("\"status\":\"COMPLETED\"") || body.contains("\"status\":\"FAILED\""),
                    Duration.ofMinutes(5));
            assertThat(done).contains("\"status\":\"COMPLETED\"");
            assertThat(stored(done)).isEqualTo(HOUSEHOLDS);
            assertThat(done).contains("\"householdsRejected\":0");
            String statistics = restarted.get("/api/v1/statistics", restarted.token("demo-dpo")).body();
            assertThat(statistics).contains("\"households\":" + HOUSEHOLDS + ",");
        }
    }

    private static long stored(String status) {
        return ServiceNode.number(STORED, status);
    }
}
