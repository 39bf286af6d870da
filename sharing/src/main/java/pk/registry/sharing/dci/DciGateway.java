package pk.registry.sharing.dci;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import pk.registry.kernel.Actor;
import pk.registry.sharing.AgreementRefusedException;
import pk.registry.sharing.QuotaExceededException;

/**
 * The DCI Social Registry API's endpoints, for a partner's token and a request body as received.
 * Each answers with the standard's bodies and never with an exception: 400 for a body that is not
 * an envelope, 401 for a signature the agreement's keys do not verify, 403 when the agreement
 * answers nothing today ({@code err.request.forbidden}) or the header's {@code sender_id} is not the
 * one registered with it ({@code err.sender_id.invalid}), 429 with when to retry over its quota;
 * otherwise the envelope (200) or the acknowledgement (202 {@code ACK}, 200 {@code ERR}).
 */
@Service
public class DciGateway {

    private final Envelopes envelopes;
    private final Searches searches;
    private final TxnStatuses statuses;
    private final SubscribeRequests subscribing;
    private final UnsubscribeRequests unsubscribing;

    DciGateway(Envelopes envelopes, Searches searches, TxnStatuses statuses, SubscribeRequests subscribing,
            UnsubscribeRequests unsubscribing) {
        this.envelopes = envelopes;
        this.searches = searches;
        this.statuses = statuses;
        this.subscribing = subscribing;
        this.unsubscribing = unsubscribing;
    }

    /** {@code POST /registry/sync/search}: every entry answered in the response, in one transaction. */
    public DciReply syncSearch(Actor partner, byte @Nullable [] body) {
        return handle(partner, body, searches::searchNow);
    }

    /** {@code POST /registry/search}: answered now, acknowledged, delivered by an {@code on-search} callback. */
    public DciReply search(Actor partner, byte @Nullable [] body) {
        return handle(partner, body, searches::searchLater);
    }

    /** {@code POST /registry/sync/txn/status}: the status of one of the caller's searches, in the response. */
    public DciReply syncTxnStatus(Actor partner, byte @Nullable [] body) {
        return handle(partner, body, statuses::statusNow);
    }

    /** {@code POST /registry/txn/status}: acknowledged, the status delivered by a {@code txn-on-status} callback. */
    public DciReply txnStatus(Actor partner, byte @Nullable [] body) {
        return handle(partner, body, statuses::statusLater);
    }

    /** {@code POST /registry/subscribe}: acknowledged, the subscriptions delivered by an {@code on-subscribe} callback. */
    public DciReply subscribe(Actor partner, byte @Nullable [] body) {
        return handle(partner, body, subscribing::subscribe);
    }

    /** {@code POST /registry/unsubscribe}: acknowledged, the outcome delivered by an {@code on-unsubscribe} callback. */
    public DciReply unsubscribe(Actor partner, byte @Nullable [] body) {
        return handle(partner, body, unsubscribing::unsubscribe);
    }

    private DciReply handle(Actor partner, byte @Nullable [] body, Function<InboundEnvelope, DciReply> endpoint) {
        try {
            return endpoint.apply(envelopes.open(partner, body));
        }
        catch (EnvelopeRejectedException ex) {
            return ex.reply();
        }
        catch (AgreementRefusedException ex) {
            return DciReply.forbidden("The data-sharing agreement does not allow this: " + ex.getMessage() + ".");
        }
        catch (QuotaExceededException ex) {
            return DciReply.tooManyRequests(ex.retryAfter());
        }
    }
}
