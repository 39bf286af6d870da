package pk.registry.household;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The settings of applicants' own registrations and of the demo's identity check. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ RegistrationProperties.class, DemoSimOwners.Properties.class })
class RegistrationConfiguration {
}
