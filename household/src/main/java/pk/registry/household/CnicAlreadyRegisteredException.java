package pk.registry.household;

import java.util.List;

import org.jspecify.annotations.Nullable;

import pk.registry.kernel.HouseholdId;

/**
 * A member's CNIC already belongs to another household. Says which members of this
 * submission are affected, never which household holds them.
 */
public class CnicAlreadyRegisteredException extends RuntimeException {

    private final List<Integer> memberIndexes;
    private final @Nullable HouseholdId holder;

    CnicAlreadyRegisteredException(List<Integer> memberIndexes, @Nullable HouseholdId holder) {
        super("a CNIC is already registered with another household");
        this.memberIndexes = List.copyOf(memberIndexes);
        this.holder = holder;
    }

    /** The household holding the first member's CNIC, for the DPO's record only: never shown to the applicant. */
    @Nullable HouseholdId holder() {
        return holder;
    }

    /** Positions in the submitted member list. */
    public List<Integer> memberIndexes() {
        return memberIndexes;
    }
}
