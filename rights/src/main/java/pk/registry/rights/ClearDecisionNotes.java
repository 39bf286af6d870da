package pk.registry.rights;

import java.util.List;

import org.springframework.stereotype.Component;

import pk.registry.household.HouseholdNotes;
import pk.registry.household.NotesStoredInClear;
import pk.registry.household.NotesStoredInClear.ClearNote;

/** The decision notes stored in clear before schema version 27, sealed as {@link Corrections} seals them now. */
@Component
class ClearDecisionNotes implements NotesStoredInClear {

    private final CorrectionRecords records;
    private final HouseholdNotes notes;

    ClearDecisionNotes(CorrectionRecords records, HouseholdNotes notes) {
        this.records = records;
        this.notes = notes;
    }

    @Override
    public boolean sealSome(int limit) {
        List<ClearNote> page = records.clearNotes(limit);
        for (ClearNote clear : page) {
            records.sealNote(clear.row(),
                    notes.sealIfKept(clear.household(), Corrections.decisionSlot(clear.row()), clear.text()).orElse(null));
        }
        return !page.isEmpty();
    }
}
