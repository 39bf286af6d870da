package pk.registry.household;

/**
 * Texts about households that a module stored in clear before it sealed them under the
 * household's key ({@link HouseholdNotes}, schema version 27). {@link ClearNotesSealing} has each
 * module seal its own, a page at a time, at the first start on that version.
 */
public interface NotesStoredInClear {

    /**
     * Seals up to {@code limit} of the texts still in clear, in the caller's transaction; those of
     * a household erased since are dropped ({@link HouseholdNotes#sealIfKept}).
     * @return whether there were any
     */
    boolean sealSome(int limit);
}
