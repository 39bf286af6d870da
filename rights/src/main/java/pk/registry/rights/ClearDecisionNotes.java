package pk.registry.rights;

import java.util.List;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import pk.registry.household.HouseholdNotes;

/**
 * Seals, once, the decision notes stored in clear before version 27 of the schema: at the first
 * start on that version, a page at a time. A note of a household that is gone is dropped.
 */
@Component
class ClearDecisionNotes {

    static final int PAGE = 200;

    private final CorrectionRecords records;
    private final HouseholdNotes notes;
    private final TransactionTemplate transactions;

    ClearDecisionNotes(CorrectionRecords records, HouseholdNotes notes, TransactionTemplate transactions) {
        this.records = records;
        this.notes = notes;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sealAll() {
        while (Boolean.TRUE.equals(transactions.execute(status -> sealPage()))) {
            // until no note is left in clear
        }
    }

    private boolean sealPage() {
        List<CorrectionRecords.ClearNote> page = records.clearNotes(PAGE);
        for (CorrectionRecords.ClearNote clear : page) {
            records.sealNote(clear.id(),
                    notes.sealIfKept(clear.household(), Corrections.decisionSlot(clear.id()), clear.note()).orElse(null));
        }
        return !page.isEmpty();
    }
}
