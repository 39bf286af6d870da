package pk.registry.household;

import java.util.List;

/**
 * A member's CNIC already belongs to another household. Says which members of this
 * submission are affected, never which household holds them.
 */
public class CnicAlreadyRegisteredException extends RuntimeException {

    private final List<Integer> memberIndexes;

    CnicAlreadyRegisteredException(List<Integer> memberIndexes) {
        super("a CNIC is already registered with another household");
        this.memberIndexes = List.copyOf(memberIndexes);
    }

    /** Positions in the submitted member list. */
    public List<Integer> memberIndexes() {
        return memberIndexes;
    }
}
