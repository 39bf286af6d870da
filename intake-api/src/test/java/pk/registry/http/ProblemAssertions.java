package pk.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Checks that a response is an RFC 9457 problem. */
public final class ProblemAssertions {

    private ProblemAssertions() {
    }

    /** Asserts the status and the problem media type; returns the problem. */
    public static JsonNode assertProblem(MvcTestResult result, HttpStatus status) {
        String body = body(result);
        assertThat(result.getResponse().getStatus()).as(body).isEqualTo(status.value());
        assertThat(result.getResponse().getContentType()).as(body).isEqualTo("application/problem+json");
        JsonNode problem = JsonMapper.shared().readTree(body);
        assertThat(problem.get("status").asInt()).isEqualTo(status.value());
        assertThat(problem.get("title").asString()).isEqualTo(status.getReasonPhrase());
        return problem;
    }

    /** The problem's field errors as "field code". */
    public static List<String> errors(JsonNode problem) {
        assertThat(problem.get("errors")).as("errors of %s", problem).isNotNull();
        return problem.get("errors").valueStream()
                .map(error -> error.get("field").asString() + " " + error.get("code").asString()).toList();
    }

    /** The response body, decoded as UTF-8 whatever the response declares. */
    public static String body(MvcTestResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }
}
