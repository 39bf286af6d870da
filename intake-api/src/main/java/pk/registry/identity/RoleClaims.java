package pk.registry.identity;

import java.util.Collection;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

import pk.registry.kernel.Role;

/**
 * Reads the registry's claims from a token: {@code roles} (names of {@link Role}) become
 * authorities; unknown role names are ignored, so a token can never gain a role by a typo.
 * Field officers' {@code districts} and partners' {@code agreement} stay on the token.
 */
@Component
class RoleClaims implements Converter<Jwt, AbstractAuthenticationToken> {

    static final String ROLES = "roles";
    static final String DISTRICTS = "districts";
    static final String AGREEMENT = "agreement";

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, authorities(jwt), jwt.getSubject());
    }

    private static Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<String> roles = jwt.hasClaim(ROLES) ? jwt.getClaimAsStringList(ROLES) : List.of();
        return roles.stream()
                .filter(name -> java.util.Arrays.stream(Role.values()).anyMatch(role -> role.name().equals(name)))
                .map(name -> (GrantedAuthority) new SimpleGrantedAuthority(Role.valueOf(name).authority()))
                .toList();
    }
}
