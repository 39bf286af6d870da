package pk.registry.http;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * What a {@code @WebMvcTest} of this service needs beside its controller. The slice finds the
 * controller advice ({@link ProblemHandling}, the consent module's problems), the
 * {@link RequestSizeLimit} and {@link SingleValued} filters and the {@code Actor}
 * argument resolver by itself; this adds what it leaves out: the {@link Problems} writer, the
 * API's JSON rules ({@link JsonConfiguration}), {@link HttpProperties}, the clock that Bean
 * Validation's date rules read, and the service's real route security (no CSRF, no session,
 * problem responses for 401 and 403). Tests authenticate with {@link Callers}; no token is
 * ever decoded, so the bearer-token resolver, whose keys and issuers the slice lacks, is a mock.
 */
@Documented
@Target(TYPE)
@Retention(RUNTIME)
@Import(WebSlice.SliceConfiguration.class)
@MockitoBean(types = AuthenticationManagerResolver.class)
public @interface WebSlice {

    @TestConfiguration(proxyBeanMethods = false)
    @Import({ Problems.class, ProblemHandling.class, RequestSizeLimit.class, SingleValued.class,
            JsonConfiguration.class, PackagePrivateConfigurations.class })
    @EnableConfigurationProperties(HttpProperties.class)
    class SliceConfiguration {
    }

    /** Configurations that other packages keep to themselves, imported by name. */
    class PackagePrivateConfigurations implements ImportSelector {
        @Override
        public String[] selectImports(AnnotationMetadata metadata) {
            return new String[] { "pk.registry.kernel.ClockConfiguration", "pk.registry.identity.SecurityConfiguration" };
        }
    }
}
