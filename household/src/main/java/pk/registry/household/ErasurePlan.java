package pk.registry.household;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import pk.registry.kernel.HouseholdId;

/**
 * What erasing a chunk of households takes, counted before anything is deleted: the households
 * that exist (their rows locked for the caller's transaction), in the order asked, and how many
 * rows of each kind each one has. Made by {@link HouseholdErasure#plan}, carried out by
 * {@link HouseholdErasure#erase(pk.registry.kernel.Actor, ErasurePlan, pk.registry.kernel.Purpose)}
 * in the same transaction.
 */
public final class ErasurePlan {

    private final Map<HouseholdId, Map<String, Integer>> counts;
    private final List<HouseholdId> households;
    private final List<byte[]> owners;

    ErasurePlan(Map<HouseholdId, Map<String, Integer>> counts, List<byte[]> owners) {
        this.counts = Collections.unmodifiableMap(counts);
        this.households = List.copyOf(counts.keySet());
        this.owners = List.copyOf(owners);
    }

    /** The households that exist, in the order asked. */
    public List<HouseholdId> households() {
        return households;
    }

    /** Per household, by kind, how many rows erasing it deletes; kinds with none are left out. */
    public Map<HouseholdId, Map<String, Integer>> counts() {
        return counts;
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /** The owner tokens of the households submitted by applicants, each once: their own registration conflicts go too. */
    List<byte[]> owners() {
        return owners;
    }

    @Override
    public String toString() {
        return "ErasurePlan[" + counts.size() + " households]";
    }
}
