package pk.registry.sharing.dci;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the DCI settings, also where no configuration-properties scan runs (module tests). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DciProperties.class)
class DciConfiguration {
}
