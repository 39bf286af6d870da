package pk.registry.sharing.dci;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import pk.registry.sharing.Answer;
import pk.registry.sharing.Channel;
import pk.registry.sharing.Verifications;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers a search's questions, all in one transaction: each through
 * {@link Verifications#verify} (which checks the agreement and takes from its quota, and logs the
 * disclosure), recording the transaction and each entry's outcome. A synchronous search is
 * answered at once; an asynchronous one is queued, sealed, for its callback.
 */
@Component
class SearchAnswering {

    static final String TYPE = "search";
    static final String ON_SEARCH = "on-search";

    private final Verifications verifications;
    private final Transactions transactions;
    private final CallbackQueue callbacks;
    private final OutboundEnvelopes envelopes;
    private final Clock clock;

    SearchAnswering(Verifications verifications, Transactions transactions, CallbackQueue callbacks,
            OutboundEnvelopes envelopes, Clock clock) {
        this.verifications = verifications;
        this.transactions = transactions;
        this.callbacks = callbacks;
        this.envelopes = envelopes;
        this.clock = clock;
    }

    /** The {@code SearchResponse} of a synchronous search, answered now. */
    @Transactional
    ObjectNode answerNow(InboundEnvelope envelope, List<ItemVerdict> verdicts, String correlationId) {
        Instant now = clock.instant();
        Answered answered = answer(envelope, verdicts, correlationId, Channel.DCI_SYNC);
        transactions.record(new Transactions.Txn(correlationId, envelope.agreement().id(), envelope.transactionId(), TYPE,
                "succ", null, now), answered.entries());
        return answered.message();
    }

    /**
     * Answers an asynchronous search now and queues the {@code on-search} callback to the target,
     * in the same transaction: answers and their sealed envelope are stored together or not at all.
     */
    @Transactional
    void answerLater(InboundEnvelope envelope, List<ItemVerdict> verdicts, String correlationId, URI target) {
        Answered answered = answer(envelope, verdicts, correlationId, Channel.DCI_ASYNC);
        ObjectNode header = envelopes.header(ON_SEARCH, "succ", null, null, verdicts.size(), verdicts.size(),
                envelope.header().senderId());
        callbacks.queue(new Transactions.Txn(correlationId, envelope.agreement().id(), envelope.transactionId(), TYPE, "pdng",
                null, clock.instant()), answered.entries(), ON_SEARCH, target, header, answered.message(), answered.held());
    }

    /** Records an asynchronous search that cannot be delivered (no callback URL), without answering it. */
    @Transactional
    void refuseUndeliverable(InboundEnvelope envelope, List<ItemVerdict> verdicts, String correlationId) {
        callbacks.undeliverable(envelope, TYPE, correlationId, verdicts.stream().filter(SearchAnswering::storable)
                .map(verdict -> new Transactions.Entry(verdict.position(), verdict.referenceId(), "rjct", null)).toList());
    }

    /**
     * A search answered: its {@code SearchResponse}, each storable entry's outcome, and the answers
     * by their place in {@code search_response}.
     */
    private record Answered(ObjectNode message, List<Transactions.Entry> entries, List<Deliveries.HeldAnswer> held) {
    }

    private Answered answer(InboundEnvelope envelope, List<ItemVerdict> verdicts, String correlationId, Channel channel) {
        Instant now = clock.instant();
        ObjectNode message = SearchMessages.response(envelope.transactionId(), correlationId);
        ArrayNode responses = (ArrayNode) message.get("search_response");
        List<Transactions.Entry> entries = new ArrayList<>();
        List<Deliveries.HeldAnswer> held = new ArrayList<>();
        for (ItemVerdict verdict : verdicts) {
            if (verdict instanceof ItemVerdict.Question question) {
                Answer answer = verifications.verify(envelope.partner(), question.query(), channel, question.referenceId());
                held.add(new Deliveries.HeldAnswer(responses.size(), answer.disclosure()));
                responses.add(AnswerRecords.answered(question.referenceId(), now, answer));
                entries.add(new Transactions.Entry(question.position(), question.referenceId(), "succ", null));
            }
            else if (verdict instanceof ItemVerdict.Rejection rejection) {
                responses.add(AnswerRecords.rejected(rejection.referenceId(), now, rejection.reason().code(),
                        rejection.message()));
                if (storable(rejection)) {
                    entries.add(new Transactions.Entry(rejection.position(), rejection.referenceId(), "rjct",
                            rejection.reason().code()));
                }
            }
        }
        return new Answered(message, entries, held);
    }

    /** Entries whose reference id can be looked up later: 1 to 99 characters. */
    private static boolean storable(ItemVerdict verdict) {
        return !verdict.referenceId().isBlank() && verdict.referenceId().length() <= ItemChecks.MAX_ID_LENGTH;
    }
}
