package pk.registry.identity;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import pk.registry.kernel.Role;

/**
 * Identity settings.
 *
 * @param issuer this service's own issuer URL: the {@code iss} of every token it signs
 * @param externalIssuer a production identity provider trusted for staff and partner tokens;
 *        when set, the embedded authorization server is switched off
 * @param audience the {@code aud} every accepted token must name, whoever issued it (a token meant
 *        for another service is refused); the tokens this service signs carry it. Defaults to
 *        {@code issuer}, this service's own identifier
 * @param accessTokenTtl lifetime of the tokens this service signs
 * @param clients client-credentials clients of the embedded authorization server
 * @param otp the applicants' one-time-code sign-in
 * @param clientAuthentication how the embedded authorization server throttles wrong client secrets
 * @param applicants how many requests a signed-in applicant may make
 */
@Validated
@ConfigurationProperties("registry.identity")
record IdentityProperties(
        @NotNull URI issuer,
        @Nullable URI externalIssuer,
        @Nullable String audience,
        @NotNull @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue List<@Valid Client> clients,
        @Valid @DefaultValue Otp otp,
        @Valid @DefaultValue ClientAuthentication clientAuthentication,
        @Valid @DefaultValue Applicants applicants) {

    IdentityProperties {
        if ((audience == null || audience.isBlank()) && issuer != null) {
            audience = issuer.toString();
        }
    }

    /** The audience tokens must name: {@code registry.identity.audience}, or else this service's issuer. */
    String requiredAudience() {
        return Objects.requireNonNull(audience, "registry.identity.issuer is required");
    }

    boolean embeddedAuthorizationServer() {
        return externalIssuer == null;
    }

    /**
     * A client of the embedded authorization server.
     *
     * @param clientId the client id
     * @param secret the secret in Spring Security's {@code {id}encoded} form; production uses
     *        {@code {bcrypt}}, only the demo uses {@code {noop}}
     * @param role the one role its tokens carry
     * @param districts the districts a field officer serves
     * @param agreementId the data-sharing agreement a partner is bound to
     */
    record Client(@NotBlank String clientId, @NotBlank String secret, @NotNull Role role,
            @DefaultValue List<String> districts, @Nullable String agreementId) {
    }

    /**
     * @param codeTtl how long a code stays valid
     * @param maxAttempts wrong codes allowed before the code is spent
     * @param maxRequests codes that one mobile may request within {@code window}
     * @param window the throttling window
     * @param perAddressRequests codes that one client address may request within
     *        {@code perAddressWindow}, whatever the mobiles (SMS pumping); generous enough for a
     *        carrier's shared address (CGNAT), far below what a script sends
     * @param perAddressWindow the window of {@code perAddressRequests}
     */
    record Otp(@NotNull @DefaultValue("5m") Duration codeTtl,
            @Min(1) @Max(10) @DefaultValue("5") int maxAttempts,
            @Min(1) @DefaultValue("3") int maxRequests,
            @NotNull @DefaultValue("15m") Duration window,
            @Min(1) @DefaultValue("20") int perAddressRequests,
            @NotNull @DefaultValue("10m") Duration perAddressWindow) {
    }

    /**
     * Failed client authentications at {@code POST /oauth2/token} (a wrong secret, an unknown
     * client). Past {@code failuresPerAddress}, every attempt from that address is 429 with
     * {@code Retry-After}; past {@code failuresPerClient} from one address, every attempt of that
     * client id from there. Past {@code failuresPerClient} from all addresses together, the client
     * id is refused everywhere except at the addresses it authenticated from within
     * {@code knownAddressesFor}, so that nobody who merely knows a client id can lock its owner
     * out. Refusals hold the right secret too, until the window has passed since the first
     * failure; a success resets nothing.
     *
     * @param failuresPerClient failures of one client id within {@code window}, from one address
     *        and from all addresses together
     * @param failuresPerAddress failures from one client address within {@code window}, for any client ids
     * @param window the throttling window
     * @param knownAddressesFor how long an address a client authenticated from stays open to it
     *        while the client id is refused elsewhere
     */
    record ClientAuthentication(@Min(1) @DefaultValue("5") int failuresPerClient,
            @Min(1) @DefaultValue("20") int failuresPerAddress,
            @NotNull @DefaultValue("15m") Duration window,
            @NotNull @DefaultValue("30d") Duration knownAddressesFor) {
    }

    /**
     * A signed-in applicant's requests, whatever they ask: each read of their own data is audited
     * and every filing kept, so one phone's script must not write without end. An allowance per
     * applicant on each node, coming back gradually across the minute; past it, 429 with
     * {@code Retry-After}. Staff and partners have their own bounds (agreements' quotas).
     *
     * @param requestsPerMinute requests of one applicant within a minute
     */
    record Applicants(@Min(1) @DefaultValue("60") int requestsPerMinute) {
    }
}
