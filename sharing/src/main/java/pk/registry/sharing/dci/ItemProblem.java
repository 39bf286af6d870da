package pk.registry.sharing.dci;

/** One entry of a request cannot be answered; the message names fields and rules, never a value. */
final class ItemProblem extends RuntimeException {

    private final Reason reason;

    ItemProblem(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
