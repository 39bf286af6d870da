package pk.registry.household;

import pk.registry.kernel.MobileNumber;

/**
 * The port that confirms a household head's identity against the mobile an applicant signed in
 * with: does this CNIC own this SIM? Asked only for an applicant's own registration (a field
 * officer confirms identities in person). Production connects it to the national ID (NADRA) or
 * PTA SIM-ownership service; the demo uses a small table. Implementations must not log the CNIC
 * or the mobile, and answer {@link Answer#UNAVAILABLE} rather than throw when the service fails.
 */
public interface HeadIdentityCheck {

    /** The service's answer. */
    enum Answer {
        /** The CNIC owns the mobile. */
        CONFIRMED,
        /** The mobile is known and not the CNIC's. */
        NOT_CONFIRMED,
        /** No answer now (timeout, error): the registration must wait. */
        UNAVAILABLE
    }

    Answer check(Cnic head, MobileNumber mobile);
}
