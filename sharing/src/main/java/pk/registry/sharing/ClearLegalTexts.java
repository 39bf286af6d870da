package pk.registry.sharing;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals, once, the legal disclosures' authorities and references stored in clear before version
 * 27 of the schema: at the first start on that version, a page at a time. Those of a household
 * erased since are dropped.
 */
@Component
class ClearLegalTexts {

    static final int PAGE = 200;

    private final DisclosureLog log;
    private final TransactionTemplate transactions;

    ClearLegalTexts(DisclosureLog log, TransactionTemplate transactions) {
        this.log = log;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sealAll() {
        while (Boolean.TRUE.equals(transactions.execute(status -> log.sealClearLegalTexts(PAGE)))) {
            // until no text is left in clear
        }
    }
}
