package pk.registry.imports;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImportProperties.class)
class ImportConfiguration {

    /** Imports run one or two at a time beside the web requests, never on a request thread. */
    @Bean
    TaskExecutor importExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("import-");
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.initialize();
        return executor;
    }

    @Bean
    ErrorReportRetention errorReportRetention(ImportRecords records, ImportProperties properties, Clock clock) {
        return new ErrorReportRetention(records, properties, clock);
    }

    /** Error reports are kept for their retention period, then deleted. */
    static final class ErrorReportRetention {
        private final ImportRecords records;
        private final ImportProperties properties;
        private final Clock clock;

        ErrorReportRetention(ImportRecords records, ImportProperties properties, Clock clock) {
            this.records = records;
            this.properties = properties;
            this.clock = clock;
        }

        @Scheduled(fixedDelayString = "PT6H", initialDelayString = "PT10M")
        int purge() {
            return records.deleteErrorsBefore(clock.instant().minus(properties.errorReportRetention()));
        }
    }
}
