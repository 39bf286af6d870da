package pk.registry;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Modules depend on each other only through their public faces, one way, without cycles. */
class ModuleStructureTests {

    @Test
    void moduleBoundariesHold() {
        ApplicationModules.of(RegistryApplication.class).verify();
    }
}
