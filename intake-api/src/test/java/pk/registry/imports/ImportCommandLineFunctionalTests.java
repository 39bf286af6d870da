package pk.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import pk.registry.RegistryApplication;

/** The same job, headless, for a file already on the server. */
class ImportCommandLineFunctionalTests {

    @Test
    void importsAFileFromTheCommandLineAndExitsWithItsOutcome(@TempDir Path dataDir) throws Exception {
        ImportFiles file = new ImportFiles();
        file.household("C-1");
        file.household("C-2").get(0).put("district", "Multan");
        Path csv = dataDir.resolve("forms.csv");
        Files.writeString(csv, file.csv());

        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(RegistryApplication.class)
                .profiles("demo")
                .run("--registry.data-dir=" + dataDir, "--spring.main.web-application-type=none",
                        "--spring.batch.job.name=householdImport", "--registry.import.file=" + csv,
                        "--registry.import.officer=officer-17", "--registry.import.districts=Lahore,Kasur")) {
            assertThat(((ExitCodeGenerator) context.getBean("importCommandLine")).getExitCode()).isZero();
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT status || ' ' || stored || ' ' || rejected FROM household_import")
                    .query(String.class).single()).isEqualTo("COMPLETED 1 1");
            assertThat(jdbc.sql("SELECT collector FROM consent_record").query(String.class).single()).isEqualTo("officer-17");
        }
        assertThat(Files.exists(csv)).as("the operator's file is left alone").isTrue();
    }
}
