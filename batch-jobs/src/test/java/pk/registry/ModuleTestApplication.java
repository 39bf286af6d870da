package pk.registry;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/** The root this module's module tests start from: Spring Modulith finds the modules below it. */
@SpringBootApplication
@Modulithic(sharedModules = { "kernel", "batch" })
class ModuleTestApplication {
}
