package pk.registry.sharing;

import pk.registry.household.Cnic;
import pk.registry.kernel.Purpose;

/** A partner's question: about the holder of this CNIC, for this programme, for this declared purpose. */
public record VerificationQuery(Cnic cnic, String programme, Purpose purpose) {

    @Override
    public String toString() {
        return "VerificationQuery[" + cnic + ", " + programme + ", " + purpose + "]";
    }
}
