package pk.registry.identity;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;

import pk.registry.http.Problems;

/** An authentication that failed because the database could not be read is a 503, not a 401 blaming the caller. */
class ProblemEntryPointTests {

    private final Problems problems = mock(Problems.class);
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void aFailureToReadTheDatabaseIsUnavailableNotUnauthenticated() throws Exception {
        SecurityConfiguration.problemEntryPoint(problems).commence(new MockHttpServletRequest(), response,
                new AuthenticationServiceException("lookup failed",
                        new CannotGetJdbcConnectionException("no connection", new SQLTransientConnectionException())));

        verify(problems).writeDatabaseUnavailable(response);
    }

    @Test
    void badCredentialsAreUnauthenticated() throws Exception {
        SecurityConfiguration.problemEntryPoint(problems).commence(new MockHttpServletRequest(), response,
                new BadCredentialsException("bad"));

        verify(problems, never()).writeDatabaseUnavailable(response);
        verify(problems).write(org.mockito.ArgumentMatchers.eq(response), org.mockito.ArgumentMatchers.any());
    }
}
