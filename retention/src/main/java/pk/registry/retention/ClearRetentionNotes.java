package pk.registry.retention;

import org.springframework.stereotype.Component;

import pk.registry.household.NotesStoredInClear;

/** The refusal notes and hold references stored in clear before schema version 27. */
@Component
class ClearRetentionNotes implements NotesStoredInClear {

    private final Requests requests;
    private final Holds holds;

    ClearRetentionNotes(Requests requests, Holds holds) {
        this.requests = requests;
        this.holds = holds;
    }

    @Override
    public boolean sealSome(int limit) {
        return requests.sealClearNotes(limit) | holds.sealClearReferences(limit);
    }
}
