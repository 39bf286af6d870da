package pk.registry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.TaskExecutor;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The registry service: one runnable application that wires every module.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@EnableAsync
@Modulithic(sharedModules = { "kernel", "batch" })
public class RegistryApplication {

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(RegistryApplication.class, args);
        if (context.containsBean("importCommandLine") || context.containsBean("jobCommandLine")) {
            // A headless import or job has run to its end: exit with its outcome.
            System.exit(SpringApplication.exit(context));
        }
    }

    /** Runs modules' listeners of other modules' events, after the publishing transaction committed. */
    @Bean
    TaskExecutor taskExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("events-");
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setQueueCapacity(10_000);
        executor.initialize();
        return executor;
    }
}
