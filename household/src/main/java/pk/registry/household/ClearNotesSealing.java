package pk.registry.household;

import java.util.List;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals, once, every module's notes stored in clear before schema version 27: at the first start
 * on that version, a page at a time, each page in a transaction of its own. The row of
 * {@code notes_in_clear} says that some may remain; it goes once none does, so that later starts
 * read that one small table rather than every table that held clear notes.
 */
@Component
public class ClearNotesSealing {

    static final int PAGE = 200;

    private final List<NotesStoredInClear> modules;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    ClearNotesSealing(List<NotesStoredInClear> modules, JdbcClient jdbc, TransactionTemplate transactions) {
        this.modules = modules;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sealAllOnce() {
        if (jdbc.sql("SELECT COUNT(*) FROM notes_in_clear").query(Long.class).single() > 0) {
            sealAll();
            jdbc.sql("DELETE FROM notes_in_clear").update();
        }
    }

    /** Seals every module's notes still in clear. */
    public void sealAll() {
        for (NotesStoredInClear module : modules) {
            while (Boolean.TRUE.equals(transactions.execute(status -> module.sealSome(PAGE)))) {
                // until none is left in clear
            }
        }
    }
}
