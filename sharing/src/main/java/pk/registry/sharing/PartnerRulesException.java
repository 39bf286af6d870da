package pk.registry.sharing;

import java.util.List;

/** An agreement or programme breaks a rule (listed per field); nothing was saved. */
public class PartnerRulesException extends RuntimeException {

    /** One broken rule: the field, a stable code, a message that repeats no value. */
    public record Violation(String field, String code, String message) {
    }

    private final List<Violation> violations;

    PartnerRulesException(List<Violation> violations) {
        super("the agreement or programme breaks a rule");
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
