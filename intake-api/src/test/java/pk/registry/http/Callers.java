package pk.registry.http;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

import pk.registry.kernel.Role;

/**
 * Callers of a {@link WebSlice} test, authenticated as a verified bearer token would
 * authenticate them: the token's claims and the role as an authority, which the
 * {@code Actor} argument resolver reads.
 */
public final class Callers {

    private Callers() {
    }

    /** An applicant signed in with their verified mobile (E.164), the token's subject. */
    public static JwtRequestPostProcessor applicant(String e164) {
        return withRole(e164, Role.APPLICANT);
    }

    /** A staff or partner client whose tokens carry the role. */
    public static JwtRequestPostProcessor client(String clientId, Role role) {
        return withRole(clientId, role);
    }

    /** A field officer client whose tokens name the districts it serves. */
    public static JwtRequestPostProcessor officer(String clientId, String... districts) {
        return jwt().jwt(token -> token.subject(clientId).claim("roles", List.of(Role.FIELD_OFFICER.name()))
                .claim("districts", List.of(districts))).authorities(new SimpleGrantedAuthority(Role.FIELD_OFFICER.authority()));
    }

    private static JwtRequestPostProcessor withRole(String subject, Role role) {
        return jwt().jwt(token -> token.subject(subject).claim("roles", List.of(role.name())))
                .authorities(new SimpleGrantedAuthority(role.authority()));
    }
}
