package pk.registry.identity;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;

import pk.registry.http.Problems;

/**
 * The embedded authorization server: client-credentials tokens at {@code POST /oauth2/token}
 * for the clients in {@code registry.identity.clients}, signed with the keyring's signing key
 * and published at {@code /oauth2/jwks}; repeated wrong secrets are throttled
 * ({@link ClientSecretThrottle}). Off when an external issuer is configured.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnExpression("'${registry.identity.external-issuer:}' == ''")
class AuthorizationServerConfiguration {

    private static final String ROLE = "registry.role";
    private static final String DISTRICTS = "registry.districts";
    private static final String AGREEMENT = "registry.agreement";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerSecurity(HttpSecurity http, Problems problems, IdentityProperties properties,
            RegisteredClientRepository clients, AuthorizationServerSettings settings, Clock clock) throws Exception {
        var authorizationServer = new OAuth2AuthorizationServerConfigurer();
        var throttle = new ClientSecretThrottle(properties.clientAuthentication(), clients, clock);
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, server -> server.clientAuthentication(clientAuthentication ->
                        clientAuthentication.authenticationSuccessHandler(throttle.successHandler())
                                .errorResponseHandler(throttle.failureHandler(problems))))
                // before the client authentication filter, which the server adds after this one's anchor
                .addFilterBefore(throttle.filter(settings.getTokenEndpoint(), problems),
                        AbstractPreAuthenticatedProcessingFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(SecurityConfiguration.problemEntryPoint(problems)));
        return http.build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer().toString()).build();
    }

    @Bean
    RegisteredClientRepository registeredClients(IdentityProperties properties) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        Map<String, RegisteredClient> clients = properties.clients().stream()
                .map(client -> registered(client, strong(client.secret(), encoder), properties))
                .collect(Collectors.toUnmodifiableMap(RegisteredClient::getClientId, Function.identity()));
        return new RegisteredClientRepository() {
            @Override
            public void save(RegisteredClient registeredClient) {
                throw new IllegalStateException("clients are registered by configuration");
            }

            @Override
            public @Nullable RegisteredClient findById(String id) {
                return clients.get(id);
            }

            @Override
            public @Nullable RegisteredClient findByClientId(String clientId) {
                return clients.get(clientId);
            }
        };
    }

    /**
     * Puts the client's role, districts and agreement into its access tokens, addressed to this
     * service's audience (in place of the client id the authorization server would put there).
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> registryClaims(IdentityProperties properties) {
        return context -> {
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            context.getClaims().audience(java.util.List.of(properties.requiredAudience()));
            ClientSettings settings = context.getRegisteredClient().getClientSettings();
            context.getClaims().claim(RoleClaims.ROLES, Set.of((String) settings.getSetting(ROLE)));
            java.util.List<String> districts = settings.getSetting(DISTRICTS);
            if (districts != null && !districts.isEmpty()) {
                context.getClaims().claim(RoleClaims.DISTRICTS, districts);
            }
            String agreement = settings.getSetting(AGREEMENT);
            if (agreement != null) {
                context.getClaims().claim(RoleClaims.AGREEMENT, agreement);
            }
        };
    }

    /**
     * Access tokens are self-contained signed JWTs with a short life, so nothing about an
     * issued token needs to be kept: this service stores none (no unbounded in-memory map,
     * no table of tokens). Revocation and introspection are therefore not offered.
     */
    @Bean
    OAuth2AuthorizationService authorizations() {
        return new OAuth2AuthorizationService() {
            @Override
            public void save(OAuth2Authorization authorization) {
            }

            @Override
            public void remove(OAuth2Authorization authorization) {
            }

            @Override
            public @Nullable OAuth2Authorization findById(String id) {
                return null;
            }

            @Override
            public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
                return null;
            }
        };
    }

    /** A plain {@code {noop}} secret (the demo's) is hashed once here, so no request ever compares plain text. */
    private static String strong(String secret, PasswordEncoder encoder) {
        String noop = "{noop}";
        return secret.startsWith(noop) ? encoder.encode(secret.substring(noop.length())) : secret;
    }

    private static RegisteredClient registered(IdentityProperties.Client client, String secret,
            IdentityProperties properties) {
        ClientSettings.Builder settings = ClientSettings.builder()
                .setting(ROLE, client.role().name())
                .setting(DISTRICTS, java.util.List.copyOf(client.districts()));
        if (client.agreementId() != null) {
            settings.setting(AGREEMENT, client.agreementId());
        }
        return RegisteredClient.withId(client.clientId())
                .clientId(client.clientId())
                .clientSecret(secret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientSettings(settings.build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenTtl()).build())
                .build();
    }
}
