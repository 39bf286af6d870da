package pk.registry.imports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import pk.registry.kernel.Actor;
import pk.registry.kernel.Role;

/**
 * Headless import of a file already on the server:
 * {@code --spring.batch.job.name=householdImport --registry.import.file=… --registry.import.officer=…
 * --registry.import.districts=Lahore,Kasur}. The same job as an upload, run to its end; the
 * exit code is 0 when it completed.
 */
@Component("importCommandLine")
@ConditionalOnProperty(name = "spring.batch.job.name", havingValue = HouseholdImportJobConfiguration.JOB)
class ImportCommandLine implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(ImportCommandLine.class);

    private final HouseholdImports imports;
    private final Environment environment;
    private int exitCode = 1;

    ImportCommandLine(HouseholdImports imports, Environment environment) {
        this.imports = imports;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        Path file = Path.of(environment.getRequiredProperty("registry.import.file"));
        String officer = environment.getRequiredProperty("registry.import.officer");
        Set<String> districts = Arrays.stream(environment.getRequiredProperty("registry.import.districts").split(","))
                .map(String::strip).filter(d -> !d.isEmpty()).collect(Collectors.toSet());
        if (!Files.isReadable(file)) {
            log.error("The import file cannot be read");
            return;
        }
        ImportStatus status = imports.runNow(new Actor(officer, Role.FIELD_OFFICER, districts, null), file);
        log.info("Import {} {}: {} lines read, {} households stored, {} rejected{}", status.id(), status.status(),
                status.linesRead(), status.householdsStored(), status.householdsRejected(),
                status.failure() == null ? "" : " (" + status.failure() + ")");
        exitCode = status.completed() ? 0 : 1;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
