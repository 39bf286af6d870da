package pk.registry.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.ErrorResponseException;

/**
 * A handler that takes the caller, reached without one, answers as the security rules do
 * (401 with {@code WWW-Authenticate}, 403 for a token without a role), never as a 500.
 */
class ActorArgumentResolverTests {

    private final ActorArgumentResolver resolver = new ActorArgumentResolver();

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void noAuthenticationIsUnauthenticated() {
        ErrorResponseException refused = catchThrowableOfType(ErrorResponseException.class,
                () -> resolver.resolveArgument(null, null, null, null));

        assertThat(refused.getStatusCode().value()).isEqualTo(401);
        assertThat(refused.getHeaders().getFirst("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(refused.getBody().getDetail()).isEqualTo("A valid bearer token is required for this endpoint.");
    }

    @Test
    void anAnonymousCallerIsUnauthenticated() {
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                List.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS"))));

        ErrorResponseException refused = catchThrowableOfType(ErrorResponseException.class,
                () -> resolver.resolveArgument(null, null, null, null));

        assertThat(refused.getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void aTokenWithoutARegistryRoleIsForbidden() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("someone")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt, List.of()));

        ErrorResponseException refused = catchThrowableOfType(ErrorResponseException.class,
                () -> resolver.resolveArgument(null, null, null, null));

        assertThat(refused.getStatusCode().value()).isEqualTo(403);
    }
}
