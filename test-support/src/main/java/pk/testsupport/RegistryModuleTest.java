package pk.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.ActiveProfiles;

/**
 * One application module with what it depends on, on an in-memory database built by the
 * schema's migrations, with demo keys and a {@link TestClock}. No web server, no other
 * module's beans: the test sees the module as its neighbours do.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationModuleTest
@ActiveProfiles("module-test")
@Import(TestClock.class)
public @interface RegistryModuleTest {

    /** Which other modules to bootstrap; by default every module this one depends on. */
    @AliasFor(annotation = ApplicationModuleTest.class, attribute = "mode")
    BootstrapMode value() default BootstrapMode.ALL_DEPENDENCIES;

    /** Other modules to bootstrap beside them, e.g. to set up data the way users do. */
    @AliasFor(annotation = ApplicationModuleTest.class, attribute = "extraIncludes")
    String[] extraIncludes() default {};
}
