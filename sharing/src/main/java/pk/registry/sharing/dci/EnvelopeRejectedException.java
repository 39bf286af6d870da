package pk.registry.sharing.dci;

/** A request is refused as a whole, before any answer is made; carries the reply that says why. */
final class EnvelopeRejectedException extends RuntimeException {

    private final DciReply reply;

    EnvelopeRejectedException(DciReply reply) {
        super("the DCI request is refused: HTTP " + reply.status(), null, false, false);
        this.reply = reply;
    }

    DciReply reply() {
        return reply;
    }
}
