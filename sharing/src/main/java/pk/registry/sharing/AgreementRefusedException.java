package pk.registry.sharing;

/**
 * The partner's agreement does not allow this question: no agreement, suspended, out of its
 * dates, a foreign agency without transfer approval, or a programme or purpose it does not
 * name. Says why; never says anything about the person asked about.
 */
public class AgreementRefusedException extends RuntimeException {

    AgreementRefusedException(String reason) {
        super(reason);
    }
}
