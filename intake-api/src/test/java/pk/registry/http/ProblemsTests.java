package pk.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

class ProblemsTests {

    @Test
    void aProblemListsEveryErrorUpToItsBound() {
        ProblemDetail problem = Problems.invalid(errors(Problems.MAX_ERRORS));

        assertThat((List<?>) problem.getProperties().get("errors")).hasSize(Problems.MAX_ERRORS);
        assertThat(problem.getProperties()).doesNotContainKey("errorsOmitted");
    }

    @Test
    void errorsPastTheBoundAreCountedNotListed() {
        ProblemDetail problem = Problems.invalid(errors(5_000));

        assertThat((List<?>) problem.getProperties().get("errors")).hasSize(Problems.MAX_ERRORS);
        assertThat(problem.getProperties()).containsEntry("errorsOmitted", 5_000 - Problems.MAX_ERRORS);
    }

    private static List<FieldError> errors(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new FieldError("household.members[" + i + "].cnic", "Cnic", "must be a CNIC")).toList();
    }
}
