package pk.registry.keys;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeysProperties.class)
class KeysConfiguration {

    @Bean
    @ConditionalOnMissingBean(RegistryKeyring.class)
    RegistryKeyring directoryKeyring(KeysProperties properties) {
        return new DirectoryKeyring(properties);
    }
}
