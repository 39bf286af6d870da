package pk.registry.sharing;

import org.springframework.stereotype.Component;

import pk.registry.household.NotesStoredInClear;

/** The legal disclosures' authorities and references stored in clear before schema version 27. */
@Component
class ClearLegalTexts implements NotesStoredInClear {

    private final DisclosureLog log;

    ClearLegalTexts(DisclosureLog log) {
        this.log = log;
    }

    @Override
    public boolean sealSome(int limit) {
        return log.sealClearLegalTexts(limit);
    }
}
