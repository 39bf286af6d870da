package pk.registry.keys;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeysProperties.class)
class KeysConfiguration {

    @Bean
    @ConditionalOnMissingBean(RegistryKeyring.class)
    RegistryKeyring directoryKeyring(KeysProperties properties) {
        return new DirectoryKeyring(properties);
    }

    /** The service's signing keys, as the JOSE libraries see them (published at {@code /oauth2/jwks}). */
    @Bean
    JWKSource<SecurityContext> jwkSource(RegistryKeyring keyring) {
        return new ImmutableJWKSet<>(keyring.signingKeys());
    }

    /** Signs what the service vouches for: its tokens, consent receipts, certificates, DCI answers. */
    @Bean
    JwtEncoder jwtEncoder(JWKSource<SecurityContext> jwkSource) {
        return new NimbusJwtEncoder(jwkSource);
    }
}
