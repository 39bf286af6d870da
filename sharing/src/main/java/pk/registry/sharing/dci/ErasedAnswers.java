package pk.registry.sharing.dci;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import pk.registry.household.HouseholdsErased;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Withdraws the answers that callbacks still hold about households being erased, in the erasure's
 * own transaction (the event is handled as it is published, not after the commit): an answer
 * worked out before an erasure is neither sent nor shown by a status request after it. A held
 * search answer becomes an entry {@code rjct} that says it was withdrawn, so that the partner
 * searches again for a current answer; a notification about the household is withdrawn whole, its
 * transaction ended {@code rjct}. A callback already on its way when the erasure commits is not
 * recalled.
 */
@Component
class ErasedAnswers {

    static final String WITHDRAWN = "the answer was withdrawn before it was delivered; search again for a current answer";

    private final Deliveries deliveries;
    private final Transactions transactions;
    private final Sealer sealer;
    private final Clock clock;

    ErasedAnswers(Deliveries deliveries, Transactions transactions, Sealer sealer, Clock clock) {
        this.deliveries = deliveries;
        this.transactions = transactions;
        this.sealer = sealer;
        this.clock = clock;
    }

    @EventListener
    void on(HouseholdsErased erased) {
        Instant now = clock.instant();
        deliveries.holdingAnswersAbout(erased.households())
                .forEach((id, items) -> deliveries.held(id).ifPresent(held -> withdraw(held, items, now)));
    }

    private void withdraw(Deliveries.Held held, List<Integer> items, Instant now) {
        ObjectNode envelope = opened(held);
        ArrayNode entries = envelope == null ? null : entriesOf(held.action(), envelope);
        if (envelope == null || entries == null || items.stream().anyMatch(item -> item >= entries.size())) {
            deliveries.withdraw(held.id(), "withdrawn: the household it was about was erased", now);
            transactions.conclude(held.correlationId(), "rjct", "the answer was withdrawn before it was delivered", now);
            return;
        }
        for (int item : items) {
            entries.set(item, AnswerRecords.rejected(Json.string(entries.get(item), "reference_id"), now, null, WITHDRAWN));
        }
        transactions.withdrawEntries(held.correlationId(), items);
        deliveries.reseal(held.id(), sealer.seal(envelope, held.correlationId()), items);
    }

    /** The held envelope, or none if it no longer opens (the erasure must not fail for it: it is withdrawn whole). */
    private @Nullable ObjectNode opened(Deliveries.Held held) {
        try {
            return sealer.open(held.sealed(), held.correlationId());
        }
        catch (IllegalStateException ex) {
            return null;
        }
    }

    /** The entries that hold answers in a callback of this action; none if its answers cannot be withdrawn one by one. */
    private static @Nullable ArrayNode entriesOf(String action, ObjectNode envelope) {
        JsonNode message = envelope.path("message");
        JsonNode entries = switch (action) {
            case SearchAnswering.ON_SEARCH -> message.path("search_response");
            case TxnStatuses.TXN_ON_STATUS -> message.path("txnstatus_response").path("txn_status").path("search_response");
            default -> null;
        };
        return entries instanceof ArrayNode array ? array : null;
    }
}
