package pk.registry.sharing.dci;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import pk.registry.kernel.Ids;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code search} requests. Synchronous: answered in the response, header {@code on-search}; a
 * header-level problem (version, action, count) is answered with header status {@code rjct} and
 * its reason code, an entry's problem with that entry {@code rjct}. Asynchronous: acknowledged at
 * once (202 {@code ACK}), answered now, delivered by callback; a header-level problem or a
 * malformed entry refuses it as a whole (200 {@code ERR}).
 */
@Component
class Searches {

    private final SearchAnswering answering;
    private final CallbackQueue callbacks;
    private final OutboundEnvelopes envelopes;
    private final DciProperties properties;
    private final Clock clock;

    Searches(SearchAnswering answering, CallbackQueue callbacks, OutboundEnvelopes envelopes, DciProperties properties,
            Clock clock) {
        this.answering = answering;
        this.callbacks = callbacks;
        this.envelopes = envelopes;
        this.properties = properties;
        this.clock = clock;
    }

    DciReply searchNow(InboundEnvelope envelope) {
        String transactionId = envelope.transactionId();
        ArrayNode entries = SearchRequestReader.entries(envelope.message());
        String correlationId = Ids.newId().toString();
        Optional<RequestHeader.Rejection> rejection = envelope.check("search", entries.size(), properties.maxBatch());
        if (rejection.isPresent()) {
            ObjectNode header = envelopes.header(SearchAnswering.ON_SEARCH, "rjct", rejection.get().reasonCode(),
                    rejection.get().message(), entries.size(), 0, envelope.header().senderId());
            return DciReply.ok(envelopes.signed(header, SearchMessages.response(transactionId, correlationId)));
        }
        List<ItemVerdict> verdicts = SearchRequestReader.read(envelope, entries);
        ObjectNode message = answering.answerNow(envelope, verdicts, correlationId);
        ObjectNode header = envelopes.header(SearchAnswering.ON_SEARCH, "succ", null, null, verdicts.size(), verdicts.size(),
                envelope.header().senderId());
        return DciReply.ok(envelopes.signed(header, message));
    }

    DciReply searchLater(InboundEnvelope envelope) {
        envelope.transactionId(); // 400 unless there is one, before anything is acknowledged
        ArrayNode entries = SearchRequestReader.entries(envelope.message());
        String correlationId = Ids.newId().toString();
        Optional<DciReply> refusal = AsyncChecks.refusal(envelope, "search", entries.size(), properties.maxBatch(),
                correlationId, clock.instant());
        if (refusal.isPresent()) {
            return refusal.get();
        }
        List<ItemVerdict> verdicts = SearchRequestReader.read(envelope, entries);
        Optional<String> malformed = SearchRequestReader.firstMalformed(verdicts, "search_request");
        if (malformed.isPresent()) {
            return DciReply.refused("err.request.bad", malformed.get(), correlationId, clock.instant());
        }
        Optional<URI> target = callbacks.target(envelope, "/registry/on-search");
        if (target.isPresent()) {
            answering.answerLater(envelope, verdicts, correlationId, target.get());
        }
        else {
            answering.refuseUndeliverable(envelope, verdicts, correlationId);
        }
        return DciReply.acknowledged(correlationId, clock.instant());
    }
}
