package pk.registry.sharing.dci;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Component;

import pk.registry.kernel.Pakistan;
import pk.registry.sharing.Agreement;
import pk.registry.sharing.PartnerManagement;
import tools.jackson.databind.node.ObjectNode;

/**
 * One attempt at a claimed callback: only while its URL still lies under the agreement's
 * registered base URL and the agreement still allows answers; the sealed envelope is opened,
 * signed now and sent.
 */
@Component
class CallbackAttempts {

    private final PartnerManagement partners;
    private final Sealer sealer;
    private final OutboundEnvelopes envelopes;
    private final CallbackSender sender;
    private final Clock clock;

    CallbackAttempts(PartnerManagement partners, Sealer sealer, OutboundEnvelopes envelopes, CallbackSender sender,
            Clock clock) {
        this.partners = partners;
        this.sealer = sealer;
        this.envelopes = envelopes;
        this.sender = sender;
        this.clock = clock;
    }

    /**
     * How an attempt ended.
     *
     * @param delivered the partner took it (2xx)
     * @param hopeless no later attempt can succeed: give up now
     * @param error why it was not delivered, in words without personal data
     * @param unanswered the partner gave no answer at all: its other callbacks would wait for nothing too
     */
    record Outcome(boolean delivered, boolean hopeless, String error, boolean unanswered) {

        static final Outcome DELIVERED = new Outcome(true, false, "", false);

        static Outcome hopeless(String error) {
            return new Outcome(false, true, error, false);
        }

        static Outcome failed(String error) {
            return new Outcome(false, false, error, false);
        }
    }

    Outcome attempt(Deliveries.Claimed callback) {
        Optional<Agreement> agreement = partners.agreement(callback.agreement());
        if (agreement.isEmpty() || !CallbackTargets.stillRegistered(agreement.get(), callback.target())) {
            return Outcome.hopeless("the callback URL is no longer registered for the agreement");
        }
        Optional<String> refusal = agreement.get().refusal(Pakistan.today(clock));
        if (refusal.isPresent()) {
            return Outcome.hopeless("the agreement no longer allows answers: " + refusal.get());
        }
        ObjectNode unsigned = sealer.open(callback.sealed(), callback.correlationId());
        ObjectNode signed = envelopes.signed((ObjectNode) unsigned.get("header"), (ObjectNode) unsigned.get("message"));
        return sender.post(callback.target(), signed)
                .map(failure -> new Outcome(false, false, failure.reason(), failure.unanswered())).orElse(Outcome.DELIVERED);
    }
}
