package pk.registry;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Modules depend on each other only through their public faces, one way, without cycles; and
 * the module diagram and canvases are written into the build output
 * ({@code intake-api/target/spring-modulith-docs}).
 */
class ModuleStructureTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(RegistryApplication.class);

    @Test
    void moduleBoundariesHold() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDiagramAndCanvases() {
        new Documenter(MODULES).writeDocumentation().writeModulesAsPlantUml();
    }
}
