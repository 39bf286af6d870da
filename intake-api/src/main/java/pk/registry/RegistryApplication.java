package pk.registry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
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
}
