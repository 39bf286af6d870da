package pk.registry.consent;

import java.util.List;

/** The consent given breaks the rules of the policy version it names. Nothing was stored. */
public class ConsentRejectedException extends RuntimeException {

    private final List<ConsentProblem> problems;

    ConsentRejectedException(List<ConsentProblem> problems) {
        super("the consent does not meet its policy version");
        this.problems = List.copyOf(problems);
    }

    public List<ConsentProblem> problems() {
        return problems;
    }
}
