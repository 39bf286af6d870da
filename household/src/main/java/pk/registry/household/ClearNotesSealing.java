package pk.registry.household;

import java.util.List;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals, once, every module's notes stored in clear before schema version 27: when the service
 * has started, a page at a time, each page in a transaction of its own. Once done, each start
 * reads one empty page per module.
 */
@Component
public class ClearNotesSealing {

    static final int PAGE = 200;

    private final List<NotesStoredInClear> modules;
    private final TransactionTemplate transactions;

    ClearNotesSealing(List<NotesStoredInClear> modules, TransactionTemplate transactions) {
        this.modules = modules;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void sealAll() {
        for (NotesStoredInClear module : modules) {
            while (Boolean.TRUE.equals(transactions.execute(status -> module.sealSome(PAGE)))) {
                // until none is left in clear
            }
        }
    }
}
