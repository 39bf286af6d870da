package pk.registry.household;

/** The head's CNIC is not confirmed to belong to the mobile the applicant signed in with. */
public class IdentityNotConfirmedException extends RuntimeException {

    IdentityNotConfirmedException() {
        super("the head's identity is not confirmed for the signed-in mobile");
    }
}
