package pk.registry.household;

import java.util.NoSuchElementException;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import pk.registry.kernel.HouseholdId;

/**
 * Texts about a household that other modules keep (a complaint, a proposed correction), sealed
 * under the household's own data key: what the household wrote is as protected as its answers,
 * and erasing the household makes every copy unreadable.
 */
@Service
public class HouseholdNotes {

    private final Households households;
    private final HouseholdSealer sealer;

    HouseholdNotes(Households households, HouseholdSealer sealer) {
        this.households = households;
        this.sealer = sealer;
    }

    /**
     * Holds the household until the caller's transaction ends: another filing about it, or a
     * decision on one, waits until then. A day's filings are counted, and a decision reads and
     * changes the household, with nothing else in between: two approvals at once would each write
     * the household back as it was before the other. An erasure holds the household the same
     * way, so one under way finishes first.
     * @return false if there is no such household (erased, also while this waited)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean holdForFiling(HouseholdId household) {
        return households.lock(household);
    }

    /**
     * @param slot what the text is, bound into its ciphertext (a text sealed for one slot opens for no other)
     * @throws NoSuchElementException if there is no such household
     */
    @Transactional(readOnly = true)
    public byte[] seal(HouseholdId household, String slot, String text) {
        return sealer.sealNote(households.find(household).orElseThrow(), slot, text);
    }

    /**
     * @throws NoSuchElementException if there is no such household (any more)
     */
    @Transactional(readOnly = true)
    public String open(HouseholdId household, String slot, byte[] sealed) {
        return sealer.openNote(households.find(household).orElseThrow(), slot, sealed);
    }

    /**
     * The text, if the household is still kept: once it is erased, its key is gone and no copy of
     * the text can be opened.
     */
    @Transactional(readOnly = true)
    public Optional<String> openIfKept(HouseholdId household, String slot, byte[] sealed) {
        return households.find(household).map(row -> sealer.openNote(row, slot, sealed));
    }

    /**
     * Seals a text stored in clear before it was sealed, if the household is still kept; the text
     * of a household erased since is not to be kept at all.
     */
    @Transactional(readOnly = true)
    public Optional<byte[]> sealIfKept(HouseholdId household, String slot, String text) {
        return households.find(household).map(row -> sealer.sealNote(row, slot, text));
    }
}
