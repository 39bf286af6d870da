package pk.registry.sharing.dci;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import pk.registry.kernel.Ids;
import pk.registry.sharing.AgreementId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code txn-status} requests about the caller's own searches, found by transaction id,
 * correlation id or reference ids; never another agreement's (an unknown transaction and another
 * agreement's look the same: {@code search_response: []}). {@code txn_status} is the search's
 * {@code SearchResponse}: with the answers while they are held undelivered (the callback pending,
 * or given up: so that no answer is lost), else each entry's status and reason code. The header's
 * status is the search's: {@code pdng} while its callback is pending, {@code succ} once
 * delivered, {@code rjct} with why when it could not be delivered.
 */
@Component
class TxnStatuses {

    static final String TXN_ON_STATUS = "txn-on-status";

    private final Transactions transactions;
    private final Deliveries deliveries;
    private final Sealer sealer;
    private final CallbackQueue callbacks;
    private final OutboundEnvelopes envelopes;
    private final Clock clock;

    TxnStatuses(Transactions transactions, Deliveries deliveries, Sealer sealer, CallbackQueue callbacks,
            OutboundEnvelopes envelopes, Clock clock) {
        this.transactions = transactions;
        this.deliveries = deliveries;
        this.sealer = sealer;
        this.callbacks = callbacks;
        this.envelopes = envelopes;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    DciReply statusNow(InboundEnvelope envelope) {
        String correlationId = Ids.newId().toString();
        String transactionId = envelope.transactionId();
        var rejection = envelope.check("txn-status", 1, 1);
        if (rejection.isPresent()) {
            ObjectNode header = envelopes.header(TXN_ON_STATUS, "rjct", rejection.get().reasonCode(), rejection.get().message(),
                    1, 0, envelope.header().senderId());
            return DciReply.ok(envelopes.signed(header, message(transactionId, correlationId, "search",
                    SearchMessages.response(transactionId, correlationId))));
        }
        TxnStatusQuery query = TxnStatusQuery.read(envelope.message());
        Optional<Transactions.Txn> found = find(envelope.agreement().id(), query);
        return DciReply.ok(envelopes.signed(header(found, envelope), message(transactionId, correlationId, query.txnType(),
                txnStatus(found, query, transactionId, correlationId).txnStatus())));
    }

    @Transactional
    DciReply statusLater(InboundEnvelope envelope) {
        String correlationId = Ids.newId().toString();
        String transactionId = envelope.transactionId();
        Optional<DciReply> refusal = AsyncChecks.refusal(envelope, "txn-status", 1, 1, correlationId, clock.instant());
        if (refusal.isPresent()) {
            return refusal.get();
        }
        TxnStatusQuery query = TxnStatusQuery.read(envelope.message());
        Optional<URI> target = callbacks.target(envelope, "/registry/txn/on-status");
        if (target.isEmpty()) {
            callbacks.undeliverable(envelope, "txn-status", correlationId, List.of());
            return DciReply.acknowledged(correlationId, clock.instant());
        }
        Optional<Transactions.Txn> found = find(envelope.agreement().id(), query);
        Status status = txnStatus(found, query, transactionId, correlationId);
        callbacks.queue(new Transactions.Txn(correlationId, envelope.agreement().id(), transactionId, "txn-status", "pdng",
                null, clock.instant()), List.of(), TXN_ON_STATUS, target.get(), header(found, envelope),
                message(transactionId, correlationId, query.txnType(), status.txnStatus()), status.heldAnswers(deliveries));
        return DciReply.acknowledged(correlationId, clock.instant());
    }

    private Optional<Transactions.Txn> find(AgreementId agreement, TxnStatusQuery query) {
        if (!SearchAnswering.TYPE.equals(query.txnType())) {
            return Optional.empty();
        }
        String value = query.values().get(0);
        return switch (query.attributeType()) {
            case "transaction_id" -> transactions.latestByTransactionId(agreement, value, SearchAnswering.TYPE);
            case "correlation_id" -> transactions.byCorrelationId(agreement, value, SearchAnswering.TYPE);
            default -> transactions.latestWithReference(agreement, query.values(), SearchAnswering.TYPE);
        };
    }

    private ObjectNode header(Optional<Transactions.Txn> found, InboundEnvelope envelope) {
        return envelopes.header(TXN_ON_STATUS, found.map(Transactions.Txn::status).orElse("succ"), null,
                found.map(Transactions.Txn::reason).orElse(null), 1, 1, envelope.header().senderId());
    }

    private static ObjectNode message(String transactionId, String correlationId, String txnType, ObjectNode txnStatus) {
        ObjectNode message = Json.object();
        message.put("transaction_id", transactionId);
        message.put("correlation_id", correlationId);
        ObjectNode response = message.putObject("txnstatus_response");
        response.put("txn_type", txnType);
        response.set("txn_status", txnStatus);
        return message;
    }

    /**
     * A {@code txn_status}, and where it carries answers still held undelivered: the callback that
     * holds them ({@code heldBy}) and, for each entry of its {@code search_response}, the entry's place
     * in that callback's.
     */
    private record Status(ObjectNode txnStatus, @Nullable String heldBy, List<Integer> carried) {

        static Status of(ObjectNode txnStatus) {
            return new Status(txnStatus, null, List.of());
        }

        /**
         * The held answers it carries by their place in its {@code search_response}: a callback that
         * carries them holds them too. Read only for such a callback, not for a status answered at once.
         */
        List<Deliveries.HeldAnswer> heldAnswers(Deliveries deliveries) {
            if (heldBy == null) {
                return List.of();
            }
            Map<Integer, UUID> held = deliveries.answersHeldBy(heldBy);
            List<Deliveries.HeldAnswer> answers = new ArrayList<>();
            for (int place = 0; place < carried.size(); place++) {
                UUID disclosure = held.get(carried.get(place));
                if (disclosure != null) {
                    answers.add(new Deliveries.HeldAnswer(place, disclosure));
                }
            }
            return answers;
        }
    }

    private Status txnStatus(Optional<Transactions.Txn> found, TxnStatusQuery query, String transactionId,
            String correlationId) {
        if (found.isEmpty()) {
            return Status.of(SearchMessages.response(transactionId, correlationId));
        }
        Transactions.Txn txn = found.get();
        List<String> wanted = "reference_id_list".equals(query.attributeType()) ? query.values() : List.of();
        ObjectNode status = SearchMessages.response(txn.transactionId(), txn.correlationId());
        ArrayNode responses = (ArrayNode) status.get("search_response");
        Optional<Deliveries.Held> undelivered = deliveries.undelivered(txn.correlationId(), SearchAnswering.ON_SEARCH);
        if (undelivered.isPresent()) {
            List<Integer> carried = new ArrayList<>();
            JsonNode entries = sealer.open(undelivered.get().sealed(), txn.correlationId()).path("message")
                    .path("search_response");
            for (int item = 0; item < entries.size(); item++) {
                if (wanted.isEmpty() || wanted.contains(Json.string(entries.get(item), "reference_id"))) {
                    carried.add(item);
                    responses.add(entries.get(item));
                }
            }
            return new Status(status, undelivered.get().id(), carried);
        }
        for (Transactions.Entry entry : transactions.entries(txn.correlationId())) {
            if (wanted.isEmpty() || wanted.contains(entry.referenceId())) {
                ObjectNode item = responses.addObject();
                item.put("reference_id", entry.referenceId());
                item.put("timestamp", Json.timestamp(txn.at()));
                item.put("status", entry.status());
                if (entry.reasonCode() != null) {
                    item.put("status_reason_code", entry.reasonCode());
                }
            }
        }
        return Status.of(status);
    }
}
