package pk.registry.consent;

/** The purpose gate refused a use of personal data; the refusal was audited. */
public class PurposeDeniedException extends RuntimeException {

    public PurposeDeniedException(String reason) {
        super(reason);
    }
}
