package pk.registry.household;

import java.util.List;

/**
 * A correction cannot be made: the field cannot be corrected this way, the value is not of its
 * type, or the corrected household breaks the rule set. Each problem names the field and the
 * rule, never the value.
 */
public class CorrectionRejectedException extends RuntimeException {

    /** One broken rule. */
    public record Problem(String field, String code, String message) {
    }

    private final List<Problem> problems;

    CorrectionRejectedException(List<Problem> problems) {
        super("the correction breaks a rule");
        this.problems = List.copyOf(problems);
    }

    CorrectionRejectedException(String field, String code, String message) {
        this(List.of(new Problem(field, code, message)));
    }

    /** A correction that leaves out what it must name. */
    public static CorrectionRejectedException missing(String field) {
        return new CorrectionRejectedException(field, "required", "must not be blank");
    }

    public List<Problem> problems() {
        return problems;
    }
}
