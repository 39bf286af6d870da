package pk.registry.retention;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals, once, the refusal notes and hold references stored in clear before version 27 of the
 * schema: at the first start on that version, a page at a time. Those of a household erased
 * since are dropped.
 */
@Component
class ClearRetentionNotes {

    static final int PAGE = 200;

    private final Requests requests;
    private final Holds holds;
    private final TransactionTemplate transactions;

    ClearRetentionNotes(Requests requests, Holds holds, TransactionTemplate transactions) {
        this.requests = requests;
        this.holds = holds;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sealAll() {
        while (Boolean.TRUE.equals(transactions.execute(status -> requests.sealClearNotes(PAGE)))) {
            // until no note is left in clear
        }
        while (Boolean.TRUE.equals(transactions.execute(status -> holds.sealClearReferences(PAGE)))) {
            // until no reference is left in clear
        }
    }
}
