package pk.registry.identity;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

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
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import pk.registry.http.DatabaseOutages;
import pk.registry.http.Problems;

/**
 * Guessing client secrets at the token endpoint: failed client authentications are counted per
 * client id (registered clients only, so the table stays as small as the configuration) and per
 * client address, each in an {@link Allowances allowance} that comes back when its window has
 * passed. Once either is used up, every attempt of that client id, or from that address, is 429
 * with {@code Retry-After}, the right secret included; a success resets nothing. Neither a
 * secret nor a token is ever kept or logged.
 */
final class ClientSecretThrottle {

    private static final Logger log = LoggerFactory.getLogger(ClientSecretThrottle.class);
    private static final String BASIC = "Basic ";

    private final Allowances perClient;
    private final Allowances perAddress;
    private final RegisteredClientRepository clients;

    ClientSecretThrottle(IdentityProperties.ClientAuthentication limits, RegisteredClientRepository clients, Clock clock) {
        this.perClient = Allowances.refilledPerWindow(limits.failuresPerClient(), limits.window(), clock);
        this.perAddress = Allowances.refilledPerWindow(limits.failuresPerAddress(), limits.window(), clock);
        this.clients = clients;
    }

    /** How long the caller must wait before it may authenticate again; empty when it may now. */
    Optional<Duration> refusal(HttpServletRequest request) {
        Optional<Duration> address = perAddress.exhausted(request.getRemoteAddr());
        Optional<Duration> client = registeredClientId(request).flatMap(perClient::exhausted);
        return address.isPresent() && client.isPresent() ? Optional.of(max(address.get(), client.get()))
                : address.isPresent() ? address : client;
    }

    /** Counts a failed client authentication against its client id, if registered, and its address. */
    void failed(HttpServletRequest request) {
        Optional<String> clientId = registeredClientId(request);
        if (clientId.isPresent() && perClient.spend(clientId.get())) {
            log.warn("Client {} is refused tokens for a while: too many failed authentications", clientId.get());
        }
        if (perAddress.spend(request.getRemoteAddr())) {
            log.warn("A client address is refused tokens for a while: too many failed client authentications");
        }
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
                response.setHeader(HttpHeaders.RETRY_AFTER, Allowances.retryAfter(wait.get()));
                problems.write(response, Problems.of(HttpStatus.TOO_MANY_REQUESTS,
                        "Too many failed client authentications; try again later."));
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

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
