package pk.registry.identity;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import pk.registry.http.Problems;
import pk.registry.kernel.Role;

/**
 * Bounds a signed-in applicant's requests ({@link IdentityProperties.Applicants}): an
 * {@link Allowances allowance} per token subject, taken after the token is authenticated and
 * before anything is read or written. Runs inside the API's security chain only (it is no bean,
 * so no servlet filter of its own), and only for the APPLICANT role.
 */
final class ApplicantRequestRate extends OncePerRequestFilter {

    private static final String APPLICANT = "ROLE_" + Role.APPLICANT.name();

    private final Allowances perApplicant;
    private final Problems problems;

    ApplicantRequestRate(IdentityProperties.Applicants applicants, Clock clock, Problems problems) {
        this.perApplicant = Allowances.refilledGradually(applicants.requestsPerMinute(), Duration.ofMinutes(1), clock);
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        Optional<Duration> wait = caller != null && caller.isAuthenticated() && caller.getAuthorities().stream()
                .anyMatch(authority -> APPLICANT.equals(authority.getAuthority()))
                        ? perApplicant.take(caller.getName()) : Optional.empty();
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        problems.writeTooManyRequests(response, wait.get(), "Too many requests from your sign-in; try again later.");
    }
}
