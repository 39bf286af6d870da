package pk.registry.sharing.dci;

import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

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
 * <p>
 * Each request is one transaction, its {@code message_id} recorded first ({@link MessageIds}): a
 * message sent again is refused at its header ({@code rjct.message_id.duplicate}), whether the first
 * was answered or is being answered now, and a request refused or failed leaves nothing, not even
 * its message id, so that it can be sent again.
 */
@Service
public class DciGateway {

    private final Envelopes envelopes;
    private final Searches searches;
    private final TxnStatuses statuses;
    private final SubscribeRequests subscribing;
    private final UnsubscribeRequests unsubscribing;
    private final TransactionTemplate transactions;

    DciGateway(Envelopes envelopes, Searches searches, TxnStatuses statuses, SubscribeRequests subscribing,
            UnsubscribeRequests unsubscribing, PlatformTransactionManager transactionManager) {
        this.envelopes = envelopes;
        this.transactions = new TransactionTemplate(transactionManager);
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
        return Objects.requireNonNull(transactions.execute(transaction -> handle(partner, body, endpoint, transaction)));
    }

    private DciReply handle(Actor partner, byte @Nullable [] body, Function<InboundEnvelope, DciReply> endpoint,
            TransactionStatus transaction) {
        try {
            return endpoint.apply(envelopes.open(partner, body));
        }
        catch (EnvelopeRejectedException ex) {
            transaction.setRollbackOnly();
            return ex.reply();
        }
        catch (AgreementRefusedException ex) {
            transaction.setRollbackOnly();
            return DciReply.forbidden("The data-sharing agreement does not allow this: " + ex.getMessage() + ".");
        }
        catch (QuotaExceededException ex) {
            transaction.setRollbackOnly();
            return DciReply.tooManyRequests(ex.retryAfter());
        }
    }
}
