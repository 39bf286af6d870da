package pk.registry.imports;

import java.time.Clock;

import jakarta.validation.Validator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import pk.registry.batch.ReadAhead;
import pk.registry.consent.ConsentManagement;
import pk.registry.household.HouseholdManagement;
import pk.registry.kernel.Actor;

/**
 * The {@code householdImport} job: {@code checkFile} refuses a file that is not template-v1
 * UTF-8 CSV before anything is stored; {@code importHouseholds} streams it, one household
 * per item. Its only parameter is the import id.
 */
@Configuration(proxyBeanMethods = false)
class HouseholdImportJobConfiguration {

    static final String JOB = "householdImport";
    static final String IMPORT_ID = "importId";

    private static final Logger log = LoggerFactory.getLogger(HouseholdImportJobConfiguration.class);

    @Bean
    Job householdImport(JobRepository jobs, Step checkFile, Step importHouseholds, ImportLifecycle lifecycle) {
        return new JobBuilder(JOB, jobs).listener(lifecycle).start(checkFile).next(importHouseholds).build();
    }

    @Bean
    Step checkFile(JobRepository jobs, PlatformTransactionManager transactions, ImportProperties properties,
            ImportNode node) {
        return new StepBuilder("checkFile", jobs).tasklet((contribution, context) -> {
            StepExecution step = context.getStepContext().getStepExecution();
            ImportId importId = ImportLifecycle.importId(step.getJobExecution());
            try {
                FileCheck.check(node.staged(importId), properties.maxRecordChars());
            }
            catch (ImportFileException refused) {
                // A refused file is the officer's mistake, not the service's: one line, no stack trace.
                log.warn("Import {} refused: {}", importId, refused.getMessage());
                step.setStatus(BatchStatus.FAILED);
                contribution.setExitStatus(new ExitStatus(ImportLifecycle.REFUSED, refused.getMessage()));
            }
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
            ImportProperties properties, ImportNode node, ImportRecords records, Validator validator,
            ConsentManagement consents, HouseholdManagement households, Clock clock) {
        SimpleAsyncTaskExecutor thread = new SimpleAsyncTaskExecutor("import-read-ahead-");
        thread.setDaemon(true);
        ImportId id = ImportId.of(importId);
        return new ReadAhead<>(new HouseholdCsvReader(node.staged(id), properties.maxRecordChars()),
                new HouseholdRowsProcessor(validator, consents, households, officer(records, id), clock), thread,
                2 * properties.chunkSize());
    }

    @Bean
    @StepScope
    HouseholdImportWriter householdWriter(@Value("#{jobParameters['importId']}") String importId,
            HouseholdManagement households, ImportRecords records, Clock clock) {
        ImportId id = ImportId.of(importId);
        return new HouseholdImportWriter(households, records, officer(records, id), id, clock);
    }

    private static Actor officer(ImportRecords records, ImportId id) {
        return records.officer(id).orElseThrow(() -> new IllegalStateException("import " + id + " is not recorded"));
    }
}
