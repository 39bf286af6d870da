package pk.registry.identity;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import pk.registry.http.DatabaseOutages;
import pk.registry.http.Problems;

/**
 * Guessing client secrets at the token endpoint, without letting a guesser lock a client out.
 * Failed client authentications are counted per client address, per client id at that address,
 * and per client id from all addresses (registered clients only, so those tables stay as small as
 * the configuration), each in an {@link Allowances allowance} that comes back when its window has
 * passed. While one is used up, the attempts it covers are 429 with {@code Retry-After}, the
 * right secret included: every attempt from the address, every attempt of the client id from that
 * address, and every attempt of the client id from an address it has not authenticated from
 * lately. So guessing from many addresses stays throttled, while the client's own addresses keep
 * working however many failures others cause. A success resets nothing. Neither a secret nor a
 * token is ever kept or logged.
 */
final class ClientSecretThrottle {

    private static final Logger log = LoggerFactory.getLogger(ClientSecretThrottle.class);
    private static final String BASIC = "Basic ";

    private final Allowances perAddress;
    private final Allowances perClientAtAddress;
    private final Allowances perClient;
    private final KnownAddresses knownAddresses;
    private final RegisteredClientRepository clients;

    ClientSecretThrottle(IdentityProperties.ClientAuthentication limits, RegisteredClientRepository clients, Clock clock) {
        this.perAddress = Allowances.refilledPerWindow(limits.failuresPerAddress(), limits.window(), clock);
        this.perClientAtAddress = Allowances.refilledPerWindow(limits.failuresPerClient(), limits.window(), clock);
        this.perClient = Allowances.refilledPerWindow(limits.failuresPerClient(), limits.window(), clock);
        this.knownAddresses = new KnownAddresses(limits.knownAddressesFor(), clock);
        this.clients = clients;
    }

    /** How long the caller must wait before it may authenticate again; empty when it may now. */
    Optional<Duration> refusal(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        Optional<Duration> wait = perAddress.exhausted(address);
        Optional<String> clientId = registeredClientId(request);
        if (clientId.isPresent()) {
            wait = longer(wait, perClientAtAddress.exhausted(atAddress(clientId.get(), address)));
            if (!knownAddresses.known(clientId.get(), address)) {
                wait = longer(wait, perClient.exhausted(clientId.get()));
            }
        }
        return wait;
    }

    /** Counts a failed client authentication against its address and, if registered, its client id. */
    void failed(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        Optional<String> clientId = registeredClientId(request);
        if (clientId.isPresent()) {
            perClientAtAddress.spend(atAddress(clientId.get(), address));
            if (perClient.spend(clientId.get())) {
                log.warn("Client {} is refused tokens for a while at addresses it has not authenticated from lately: "
                        + "too many failed authentications", clientId.get());
            }
        }
        if (perAddress.spend(address)) {
            log.warn("A client address is refused tokens for a while: too many failed client authentications");
        }
    }

    /** Remembers the address a client authenticated from, then lets the request through as authenticated. */
    AuthenticationSuccessHandler successHandler() {
        return (request, response, authentication) -> {
            knownAddresses.authenticated(authentication.getName(), request.getRemoteAddr());
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(authentication);
            SecurityContextHolder.setContext(context);
        };
    }

    /** Answers 429 at the token endpoint before the client is authenticated, while its allowance is used up. */
    OncePerRequestFilter filter(String tokenEndpoint, Problems problems) {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !("POST".equals(request.getMethod())
                        && tokenEndpoint.equals(request.getRequestURI().substring(request.getContextPath().length())));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Optional<Duration> wait = refusal(request);
                if (wait.isEmpty()) {
                    chain.doFilter(request, response);
                    return;
                }
                problems.writeTooManyRequests(response, wait.get(), "Too many failed client authentications; try again later.");
            }
        };
    }

    /**
     * The client authentication's failure answer, as the authorization server gives it (the OAuth2
     * error code alone, 401 for {@code invalid_client}), after counting the failure; 503 when the
     * failure was the database's, which counts nothing against the caller.
     */
    AuthenticationFailureHandler failureHandler(Problems problems) {
        var oauth2Errors = new OAuth2ErrorHttpMessageConverter();
        return (request, response, failure) -> {
            SecurityContextHolder.clearContext();
            if (DatabaseOutages.causedBy(failure)) {
                problems.writeDatabaseUnavailable(response);
                return;
            }
            failed(request);
            String code = failure instanceof OAuth2AuthenticationException oauth2 ? oauth2.getError().getErrorCode()
                    : OAuth2ErrorCodes.INVALID_CLIENT;
            var answer = new ServletServerHttpResponse(response);
            answer.setStatusCode(OAuth2ErrorCodes.INVALID_CLIENT.equals(code) ? HttpStatus.UNAUTHORIZED : HttpStatus.BAD_REQUEST);
            oauth2Errors.write(new OAuth2Error(code), null, answer);
        };
    }

    /** The client id of {@code client_secret_basic} or {@code client_secret_post}, if it is a registered client's. */
    private Optional<String> registeredClientId(HttpServletRequest request) {
        String clientId = clientId(request);
        return clientId != null && clients.findByClientId(clientId) != null ? Optional.of(clientId) : Optional.empty();
    }

    private static @Nullable String clientId(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return request.getParameter(OAuth2ParameterNames.CLIENT_ID);
        }
        try {
            String credentials = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).trim()),
                    StandardCharsets.UTF_8);
            int colon = credentials.indexOf(':');
            return colon > 0 ? URLDecoder.decode(credentials.substring(0, colon), StandardCharsets.UTF_8) : null;
        }
        catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private static String atAddress(String clientId, String address) {
        return clientId + ' ' + address;
    }

    private static Optional<Duration> longer(Optional<Duration> a, Optional<Duration> b) {
        return a.isEmpty() ? b : b.isEmpty() || a.get().compareTo(b.get()) >= 0 ? a : b;
    }

    /**
     * The addresses each client authenticated from, for a while after its last success there. Only
     * a success adds one, so only holders of a client's secret can grow the table; past
     * {@link Allowances#MAX_KEYS} it is emptied, which only narrows what stays open.
     */
    private static final class KnownAddresses {

        private final Map<String, Instant> lastSuccess = new ConcurrentHashMap<>();
        private final Duration remembered;
        private final Clock clock;

        KnownAddresses(Duration remembered, Clock clock) {
            this.remembered = remembered;
            this.clock = clock;
        }

        void authenticated(String clientId, String address) {
            if (lastSuccess.size() > Allowances.MAX_KEYS) {
                lastSuccess.clear();
            }
            lastSuccess.put(atAddress(clientId, address), clock.instant());
        }

        boolean known(String clientId, String address) {
            Instant last = lastSuccess.get(atAddress(clientId, address));
            return last != null && clock.instant().isBefore(last.plus(remembered));
        }
    }
}
