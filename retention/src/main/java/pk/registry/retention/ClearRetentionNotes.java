package pk.registry.retention;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals, once, the refusal notes stored in clear before version 27 of the schema: at the first
 * start on that version, a page at a time. A note of a household erased since is dropped.
 */
@Component
class ClearRetentionNotes {

    static final int PAGE = 200;

    private final Requests requests;
    private final TransactionTemplate transactions;

    ClearRetentionNotes(Requests requests, TransactionTemplate transactions) {
        this.requests = requests;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sealAll() {
        while (Boolean.TRUE.equals(transactions.execute(status -> requests.sealClearNotes(PAGE)))) {
            // until no note is left in clear
        }
    }
}
