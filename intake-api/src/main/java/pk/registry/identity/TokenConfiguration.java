package pk.registry.identity;

import java.time.Instant;
import java.util.Collection;
import java.util.Objects;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Verifies the tokens this service signed itself (applicants' always; staff and partners' while
 * the embedded authorization server runs) against the keyring's signing keys and its own issuer.
 */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, IdentityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource).build();
        decoder.setJwtValidator(rules(properties.issuer().toString(), properties.requiredAudience()));
        return decoder;
    }

    /**
     * What every accepted token must be, whoever issued it: from that issuer, meant for this
     * service (its {@code aud} names the audience: a token the issuer made for another service, or
     * anything else it signed, is refused), in its validity window, with an expiry (a token without
     * one would be valid forever), and with exactly one role (a token is one kind of user; two
     * roles would be ambiguous at every decision).
     */
    static OAuth2TokenValidator<Jwt> rules(String issuer, String audience) {
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
                new JwtAudienceValidator(audience),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<Object>(RoleClaims.ROLES, roles -> roles instanceof Collection<?> names && names.size() == 1));
    }
}
