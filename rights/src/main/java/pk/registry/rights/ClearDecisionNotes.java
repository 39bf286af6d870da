package pk.registry.rights;

import java.util.List;

import org.springframework.stereotype.Component;

import pk.registry.household.HouseholdNotes;
import pk.registry.household.NotesStoredInClear;

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
        List<CorrectionRecords.ClearNote> page = records.clearNotes(limit);
        for (CorrectionRecords.ClearNote clear : page) {
            records.sealNote(clear.id(),
                    notes.sealIfKept(clear.household(), Corrections.decisionSlot(clear.id()), clear.note()).orElse(null));
        }
        return !page.isEmpty();
    }
}
