package pk.registry.sharing.dci;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.Ids;
import pk.registry.kernel.Pakistan;
import pk.registry.sharing.Agreement;
import pk.registry.sharing.AgreementId;
import pk.registry.sharing.Answer;
import pk.registry.sharing.PartnerManagement;
import pk.registry.sharing.Verifications;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tells subscribers when their answer changed: a subscription whose household's eligibility for
 * its programme is no longer what the partner was last told gets a {@code notify} callback with
 * the answer as a question would get it now ({@link Verifications#notification}, which logs the
 * disclosure); an erased household's subscriptions get theirs (as unregistered) and end. Nothing
 * is told, and nothing logged, while the answer is unchanged, the agreement answers nothing
 * today or no longer names the programme and purpose, or it registered no callback URL.
 */
@Component
class SubscriptionNotifier {

    private static final int PAGE = 500;

    private final DciSubscriptions subscriptions;
    private final Verifications verifications;
    private final PartnerManagement partners;
    private final CallbackQueue callbacks;
    private final OutboundEnvelopes envelopes;
    private final Clock clock;

    SubscriptionNotifier(DciSubscriptions subscriptions, Verifications verifications, PartnerManagement partners,
            CallbackQueue callbacks, OutboundEnvelopes envelopes, Clock clock) {
        this.subscriptions = subscriptions;
        this.verifications = verifications;
        this.partners = partners;
        this.callbacks = callbacks;
        this.envelopes = envelopes;
        this.clock = clock;
    }

    /** After every household was rescored under a model version: the subscriptions of programmes that score with it. */
    @Transactional
    void reviewUnderModel(String modelVersion) {
        reviewPages((after, limit) -> subscriptions.activeUnderModel(modelVersion, after, limit));
    }

    /** After a programme changed (its model version, its cut-off): its subscriptions. */
    @Transactional
    void reviewProgramme(String programme) {
        reviewPages((after, limit) -> subscriptions.activeOfProgramme(programme, after, limit));
    }

    /**
     * After an agreement changed: its subscriptions, so that a change the partner could not be told
     * while the agreement answered nothing (suspended, not in force, no callback URL) is told once
     * it answers again, without waiting for the household's next change.
     */
    @Transactional
    void reviewAgreement(AgreementId agreement) {
        reviewPages((after, limit) -> subscriptions.activeOfAgreement(agreement, after, limit));
    }

    /** Reviews page after page of subscriptions, in code order, a page being those after a code (null: the first). */
    private void reviewPages(BiFunction<@Nullable String, Integer, List<DciSubscriptions.Subscription>> pages) {
        List<DciSubscriptions.Subscription> page = pages.apply(null, PAGE);
        while (!page.isEmpty()) {
            page.forEach(subscription -> review(subscription, false));
            page = page.size() < PAGE ? List.of() : pages.apply(page.get(page.size() - 1).code(), PAGE);
        }
    }

    /** After a household was corrected. */
    @Transactional
    void reviewHousehold(HouseholdId household) {
        subscriptions.activeOf(List.of(household)).forEach(subscription -> review(subscription, false));
    }

    /** After households were erased: their subscriptions end, each told once. */
    @Transactional
    void reviewErased(List<HouseholdId> households) {
        subscriptions.activeOf(households).forEach(subscription -> review(subscription, true));
    }

    private void review(DciSubscriptions.Subscription subscription, boolean erased) {
        boolean eligible = !erased && verifications.eligibleNow(subscription.household(), subscription.programme());
        if (erased || eligible != subscription.lastEligible()) {
            Optional<Agreement> agreement = partners.agreement(subscription.agreement())
                    .filter(candidate -> candidate.refusal(Pakistan.today(clock)).isEmpty())
                    .filter(candidate -> candidate.programmes().contains(subscription.programme())
                            && candidate.purposes().contains(subscription.purpose()));
            Optional<URI> target = agreement.flatMap(candidate -> CallbackTargets.resolve(candidate, null, "/registry/notify"));
            // The change is claimed before it is told, so that it is told once.
            boolean claimed = erased ? subscriptions.end(subscription.code(), clock.instant())
                    : target.isPresent() && subscriptions.told(subscription.code(), subscription.lastEligible(), eligible);
            if (claimed && target.isPresent()) {
                notify(agreement.get(), subscription, target.get());
            }
        }
    }

    private void notify(Agreement agreement, DciSubscriptions.Subscription subscription, URI target) {
        String correlationId = Ids.newId().toString();
        Answer answer = verifications.notification(agreement, subscription.household(), subscription.programme(),
                subscription.purpose(), subscription.maskedCnic(), subscription.code());
        Instant now = clock.instant();
        ObjectNode message = Json.object();
        message.put("transaction_id", correlationId);
        ObjectNode event = message.putArray("notify_event").addObject();
        event.put("reference_id", subscription.code());
        event.put("timestamp", Json.timestamp(now));
        ObjectNode data = AnswerRecords.data();
        data.set("reg_records", AnswerRecords.recordOf(answer));
        event.set("data", data);
        ObjectNode header = envelopes.header("notify", "succ", null, null, 1, 1, subscription.receiverId());
        callbacks.queueNotice(new Transactions.Txn(correlationId, agreement.id(), correlationId, "notify", "pdng", null, now),
                subscription.code(), target, header, message, List.of(new Deliveries.HeldAnswer(0, answer.disclosure())));
    }
}
