package pk.registry.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;

import jakarta.validation.Validator;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import pk.registry.consent.ConsentManagement;
import pk.registry.household.HouseholdManagement;
import pk.registry.kernel.Actor;
import pk.registry.kernel.Role;

/**
 * The {@code householdImport} job: {@code checkFile} refuses a file that is not template-v1
 * UTF-8 CSV before anything is stored; {@code importHouseholds} streams it, one household
 * per item. Its only parameter is the import id.
 */
@Configuration(proxyBeanMethods = false)
class HouseholdImportJobConfiguration {

    static final String JOB = "householdImport";
    static final String IMPORT_ID = "importId";

    @Bean
    Job householdImport(JobRepository jobs, Step checkFile, Step importHouseholds, ImportLifecycle lifecycle) {
        return new JobBuilder(JOB, jobs).listener(lifecycle).start(checkFile).next(importHouseholds).build();
    }

    @Bean
    Step checkFile(JobRepository jobs, PlatformTransactionManager transactions, ImportProperties properties) {
        return new StepBuilder("checkFile", jobs).tasklet((contribution, context) -> {
            String importId = (String) context.getStepContext().getJobParameters().get(IMPORT_ID);
            FileCheck.check(staged(properties, importId), properties.maxRecordChars());
            return RepeatStatus.FINISHED;
        }, transactions).build();
    }

    @Bean
    Step importHouseholds(JobRepository jobs, PlatformTransactionManager transactions, ImportProperties properties,
            ReadAhead<HouseholdRows, ImportItem> householdReader, HouseholdImportWriter householdWriter) {
        return new StepBuilder("importHouseholds", jobs).<ImportItem, ImportItem>chunk(properties.chunkSize())
                .transactionManager(transactions)
                .reader(householdReader).writer(householdWriter)
                .build();
    }

    /**
     * The file's households, grouped, checked against the rule set and sealed on a thread of
     * their own, up to two chunks ahead of the writer.
     */
    @Bean
    @StepScope
    ReadAhead<HouseholdRows, ImportItem> householdReader(@Value("#{jobParameters['importId']}") String importId,
            ImportProperties properties, Validator validator, ConsentManagement consents,
            HouseholdManagement households, JdbcClient jdbc, Clock clock) {
        SimpleAsyncTaskExecutor thread = new SimpleAsyncTaskExecutor("import-read-ahead-");
        thread.setDaemon(true);
        return new ReadAhead<>(new HouseholdCsvReader(staged(properties, importId), properties.maxRecordChars()),
                new HouseholdRowMapper(validator, consents, households, officer(jdbc, importId), clock), thread,
                2 * properties.chunkSize());
    }

    @Bean
    @StepScope
    HouseholdImportWriter householdWriter(@Value("#{jobParameters['importId']}") String importId,
            HouseholdManagement households, JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
        return new HouseholdImportWriter(households, jdbc, batch, officer(jdbc, importId), importId, clock);
    }

    static Path staged(ImportProperties properties, String importId) {
        return properties.staging().resolve(java.util.UUID.fromString(importId) + ".csv");
    }

    /** Deletes an import's staged file (it holds personal data); a failure is logged, never thrown. */
    static void deleteStaged(ImportProperties properties, String importId) {
        try {
            Files.deleteIfExists(staged(properties, importId));
        }
        catch (IOException ex) {
            LoggerFactory.getLogger(HouseholdImportJobConfiguration.class)
                    .warn("The staged file of import {} could not be deleted", importId);
        }
    }

    private static Actor officer(JdbcClient jdbc, String importId) {
        return jdbc.sql("SELECT officer, districts FROM household_import WHERE id = :id").param("id", importId)
                .query((rs, row) -> new Actor(rs.getString(1), Role.FIELD_OFFICER,
                        Set.of(rs.getString(2).isEmpty() ? new String[0] : rs.getString(2).split(",")), null))
                .single();
    }
}
