package pk.registry.identity;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;
import static org.springframework.http.HttpMethod.POST;

import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import jakarta.servlet.http.HttpServletRequest;
import pk.registry.http.DatabaseOutages;
import pk.registry.http.Problems;
import pk.registry.http.SecurityHeaders;
import pk.registry.kernel.Role;

/**
 * Who may call what. Every route of the v1 contract is named here with its roles; anything
 * not named is denied, except a route's path asked with a method it does not have, which any
 * caller with a token gets past to Spring MVC's 405 ({@link UnsupportedMethods}). Stateless: no
 * session, no cookie, bearer tokens only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    private static final String APPLICANT = Role.APPLICANT.name();
    private static final String FIELD_OFFICER = Role.FIELD_OFFICER.name();
    private static final String PARTNER = Role.PARTNER.name();
    private static final String DPO = Role.DPO.name();
    private static final String AUDITOR = Role.AUDITOR.name();
    private static final String ADMIN = Role.ADMIN.name();

    /** What anyone may read, signed in or not. */
    private static final String[] PUBLIC_READS = { "/api/v1/privacy-policy", "/api/v1/privacy-policy/versions",
            "/api/v1/purposes", "/api/v1/imports/template", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
            "/swagger-ui/**", "/actuator/health", "/actuator/health/**" };

    @Bean
    @Order(2)
    SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManagerResolver<HttpServletRequest> tokens,
            Problems problems, Environment environment, ObjectProvider<IdentityProperties> identity, Clock clock,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> controllers)
            throws Exception {
        boolean demo = environment.acceptsProfiles(Profiles.of("demo"));
        AuthenticationEntryPoint unauthenticated = problemEntryPoint(problems);
        var unsupportedMethods = new UnsupportedMethods(SingletonSupplier.of(controllers::getObject));
        AccessDeniedHandler forbidden = (request, response, denied) -> problems.write(response,
                Problems.of(HttpStatus.FORBIDDEN, "Your role may not use this endpoint."));
        http.authorizeHttpRequests(routes -> {
            routes.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                    // public
                    .requestMatchers("/api/v1/auth/otp", "/api/v1/auth/otp/verify").permitAll()
                    .requestMatchers(reads(PUBLIC_READS)).permitAll();
            if (demo) {
                routes.requestMatchers(POST, "/api/v1/demo/sms-outbox").permitAll();
            }
            // a route asked with a method it does not have: MVC answers 405 whoever asks, and runs nothing
            routes.requestMatchers(unsupportedMethods).authenticated();
            // applicants
            routes.requestMatchers(POST, "/api/v1/applications").hasRole(APPLICANT)
                    .requestMatchers(reads("/api/v1/applications/*")).hasAnyRole(APPLICANT, FIELD_OFFICER)
                    .requestMatchers("/api/v1/me", "/api/v1/me/**").hasRole(APPLICANT)
                    // field officers
                    .requestMatchers(POST, "/api/v1/imports").hasRole(FIELD_OFFICER)
                    .requestMatchers(reads("/api/v1/imports/*", "/api/v1/imports/*/errors"))
                    .hasAnyRole(FIELD_OFFICER, DPO)
                    // partner agencies: the registry's own API and the DCI Social Registry API
                    .requestMatchers(POST, "/api/v1/verifications").hasRole(PARTNER)
                    .requestMatchers(reads("/api/v1/partner/agreement")).hasRole(PARTNER)
                    .requestMatchers(POST, "/registry/sync/search", "/registry/search", "/registry/txn/status",
                            "/registry/sync/txn/status", "/registry/subscribe", "/registry/unsubscribe").hasRole(PARTNER)
                    // data protection officer; corrections also the field officers of the household's district
                    .requestMatchers(reads("/api/v1/dpo/corrections")).hasAnyRole(DPO, FIELD_OFFICER)
                    .requestMatchers(POST, "/api/v1/dpo/corrections/*/decision").hasAnyRole(DPO, FIELD_OFFICER)
                    .requestMatchers(reads("/api/v1/dpo/**")).hasRole(DPO)
                    .requestMatchers(POST, "/api/v1/dpo/**").hasRole(DPO)
                    .requestMatchers(DELETE, "/api/v1/dpo/legal-holds/*").hasRole(DPO)
                    // auditor, reports
                    .requestMatchers(reads("/api/v1/audit/events", "/api/v1/audit/verification")).hasRole(AUDITOR)
                    .requestMatchers(reads("/api/v1/statistics")).hasAnyRole(AUDITOR, DPO, ADMIN)
                    // administration
                    .requestMatchers("/api/v1/admin/**").hasRole(ADMIN)
                    .requestMatchers("/actuator/**").hasRole(ADMIN)
                    .anyRequest().denyAll();
        })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationManagerResolver(tokens)
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                // no session to end: without this /logout answered a redirect to a login page there is not
                .logout(AbstractHttpConfigurer::disable)
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY)));
        // absent from @WebMvcTest slices, which bring no identity settings
        identity.ifAvailable(properties -> http.addFilterAfter(
                new ApplicantRequestRate(properties.applicants(), clock, problems), BearerTokenAuthenticationFilter.class));
        return http.build();
    }

    /**
     * GET and HEAD on the paths: Spring MVC answers HEAD from the GET handler without the body,
     * so whoever may read a route may ask for its headers, and no one else.
     */
    private static RequestMatcher reads(String... patterns) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(Stream.of(patterns)
                .<RequestMatcher>flatMap(pattern -> Stream.of(paths.matcher(GET, pattern), paths.matcher(HEAD, pattern)))
                .toList());
    }

    /**
     * Tokens are accepted from this service's own issuer (verified against its own keys, no
     * network) and, when configured, from the external identity provider.
     */
    @Bean
    AuthenticationManagerResolver<HttpServletRequest> tokenAuthentication(IdentityProperties properties,
            JwtDecoder ownTokens, RoleClaims roleClaims) {
        var managers = new java.util.HashMap<String, AuthenticationManager>();
        managers.put(properties.issuer().toString(), manager(ownTokens, roleClaims));
        if (properties.externalIssuer() != null) {
            String external = properties.externalIssuer().toString();
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(external).build();
            decoder.setJwtValidator(TokenConfiguration.rules(external, properties.requiredAudience()));
            managers.put(external, manager(decoder, roleClaims));
        }
        return new JwtIssuerAuthenticationManagerResolver(Map.copyOf(managers)::get);
    }

    /**
     * 401 for a missing or refused token; 503 when the authentication failed because the database
     * could not be reached (a client or key read from it), which says nothing of the caller.
     */
    static AuthenticationEntryPoint problemEntryPoint(Problems problems) {
        return (request, response, failure) -> {
            if (DatabaseOutages.causedBy(failure)) {
                problems.writeDatabaseUnavailable(response);
                return;
            }
            response.setHeader("WWW-Authenticate", "Bearer");
            problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED,
                    "A valid bearer token is required for this endpoint."));
        };
    }

    private static AuthenticationManager manager(JwtDecoder decoder, RoleClaims roleClaims) {
        var provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(roleClaims);
        return provider::authenticate;
    }
}
