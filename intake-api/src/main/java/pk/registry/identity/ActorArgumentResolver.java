package pk.registry.identity;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import pk.registry.http.Problems;
import pk.registry.kernel.Actor;
import pk.registry.kernel.Role;

/**
 * Lets controllers take the caller as an {@link Actor} parameter, built from the verified
 * bearer token: its subject, its one registry role, a field officer's districts and a
 * partner's agreement.
 */
@Configuration(proxyBeanMethods = false)
class ActorArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Actor.class);
    }

    @Override
    public Actor resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        return current().orElseThrow(ActorArgumentResolver::unauthenticated);
    }

    /**
     * The caller of the request on this thread, from its verified bearer token; empty if it came
     * without one.
     */
    static Optional<Actor> current() {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            return Optional.empty();
        }
        Role role = token.getAuthorities().stream()
                .map(authority -> authority.getAuthority())
                .filter(name -> name.startsWith("ROLE_"))
                .map(name -> Role.valueOf(name.substring(5)))
                .findFirst().orElseThrow(ActorArgumentResolver::forbidden);
        Jwt jwt = token.getToken();
        List<String> districts = jwt.hasClaim(RoleClaims.DISTRICTS) ? jwt.getClaimAsStringList(RoleClaims.DISTRICTS) : List.of();
        return Optional.of(new Actor(jwt.getSubject(), role, Set.copyOf(districts), jwt.getClaimAsString(RoleClaims.AGREEMENT)));
    }

    /**
     * A handler that needs a caller was reached without a token (a route the security rules let
     * anyone through to): answered as those rules answer a missing token, never as a 500.
     */
    private static ErrorResponseException unauthenticated() {
        var missing = new ErrorResponseException(HttpStatus.UNAUTHORIZED,
                Problems.of(HttpStatus.UNAUTHORIZED, "A valid bearer token is required for this endpoint."), null);
        missing.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return missing;
    }

    /** A token without a registry role, which the security rules refuse before any handler that names roles. */
    private static ErrorResponseException forbidden() {
        return new ErrorResponseException(HttpStatus.FORBIDDEN,
                Problems.of(HttpStatus.FORBIDDEN, "Your role may not use this endpoint."), null);
    }
}
