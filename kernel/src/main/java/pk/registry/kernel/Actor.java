package pk.registry.kernel;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Who is acting, as the web layer learned it from the bearer token.
 *
 * @param subject the token's subject: a client id, or for an applicant the verified mobile
 *        in E.164 form (personal data: never log it, never store it in clear)
 * @param role the one role the token carries
 * @param districts the districts a field officer serves (empty for other roles)
 * @param agreementId the data-sharing agreement a partner is bound to
 */
public record Actor(String subject, Role role, Set<String> districts, @Nullable String agreementId) {

    public Actor {
        districts = Set.copyOf(districts);
    }

    public boolean is(Role candidate) {
        return role == candidate;
    }

    /** Whether a field officer serves the district (case-insensitive). */
    public boolean serves(String district) {
        return districts.stream().anyMatch(served -> served.equalsIgnoreCase(district));
    }

    @Override
    public String toString() {
        return "Actor[" + role + "]";
    }
}
