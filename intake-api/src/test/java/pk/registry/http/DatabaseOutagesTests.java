package pk.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import jakarta.servlet.RequestDispatcher;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.unit.DataSize;

import tools.jackson.databind.json.JsonMapper;

/** Which failures are the database's, and the 503 they get also outside Spring MVC (a filter's, the error page's). */
class DatabaseOutagesTests {

    private final Problems problems = new Problems(JsonMapper.builder().build(),
            new HttpProperties(DataSize.ofMegabytes(1), Duration.ofSeconds(42)));

    @Test
    void aLostOrRefusedConnectionIsAnOutageHoweverDeeplyWrapped() {
        var refused = new SQLTransientConnectionException("pool timed out", "08001");

        assertThat(DatabaseOutages.causedBy(new CannotGetJdbcConnectionException("no connection", refused))).isTrue();
        assertThat(DatabaseOutages.causedBy(new CannotCreateTransactionException("no transaction", refused))).isTrue();
        assertThat(DatabaseOutages.causedBy(new IllegalStateException(new RuntimeException(refused)))).isTrue();
        assertThat(DatabaseOutages.causedBy(new SQLException("IO Error", "08006"))).isTrue();
    }

    @Test
    void aBrokenRuleOrABugIsNot() {
        assertThat(DatabaseOutages.causedBy(new DuplicateKeyException("taken"))).isFalse();
        assertThat(DatabaseOutages.causedBy(new DataIntegrityViolationException("fk", new SQLException("fk", "23503")))).isFalse();
        assertThat(DatabaseOutages.causedBy(new NullPointerException())).isFalse();
        assertThat(DatabaseOutages.causedBy(null)).isFalse();
    }

    @Test
    void anOutageRaisedInAFilterReachesTheErrorPageAsA503WithRetryAfter() {
        var request = new MockHttpServletRequest();
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION,
                new CannotGetJdbcConnectionException("no connection", new SQLTransientConnectionException("timed out")));

        var answer = new ProblemErrorController(problems).error(request, new MockHttpServletResponse());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("42");
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().getDetail()).doesNotContain("timed out");
    }

    @Test
    void aFilterWritesTheSame503() throws Exception {
        var response = new MockHttpServletResponse();

        problems.writeDatabaseUnavailable(response);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("42");
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":503");
    }
}
