package pk.registry;

import java.lang.annotation.ElementType;
import java.time.Clock;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The registry service: one runnable application that wires every module.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(sharedModules = "kernel")
public class RegistryApplication {

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(RegistryApplication.class, args);
        if (context.containsBean("importCommandLine")) {
            // A headless import has run to its end: exit with its outcome.
            System.exit(SpringApplication.exit(context));
        }
    }

    /** One clock for every rule that depends on time, so tests can move it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Rules about dates (not in the future, age limits) read "today" from the same clock. The
     * validated forms are records, never JPA entities, so every property is reachable: this
     * skips Hibernate's per-property JPA load-state check, a real cost in a bulk import, and
     * the per-validation cache of its answers, which cost more than the answer ({@code true}).
     */
    @Bean
    ValidationConfigurationCustomizer validationClock(Clock clock) {
        return configuration -> configuration.clockProvider(() -> clock).traversableResolver(new EverythingReachable())
                .addProperty("hibernate.validator.enable_traversable_resolver_result_cache", "false");
    }

    private static final class EverythingReachable implements TraversableResolver {
        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootBean, Path path, ElementType type) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBean, Path path, ElementType type) {
            return true;
        }
    }
}
