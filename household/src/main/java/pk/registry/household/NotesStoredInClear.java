package pk.registry.household;

import java.util.UUID;

import pk.registry.kernel.HouseholdId;

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

    /** A text found in clear: the row it is in, and the household it is about. */
    record ClearNote(UUID row, HouseholdId household, String text) {

        @Override
        public String toString() {
            return "ClearNote[" + row + "]";
        }
    }
}
