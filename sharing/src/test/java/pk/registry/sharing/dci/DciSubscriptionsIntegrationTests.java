package pk.registry.sharing.dci;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import pk.registry.household.HouseholdCorrected;
import pk.registry.household.HouseholdsErased;
import pk.registry.household.HouseholdErasure;
import pk.registry.household.HouseholdManagement;
import pk.registry.household.HouseholdScores;
import pk.registry.kernel.Actor;
import pk.registry.kernel.Pakistan;
import pk.registry.kernel.Purpose;
import pk.registry.kernel.Role;
import pk.registry.sharing.Agreement;
import pk.registry.sharing.AgreementStatus;
import pk.registry.sharing.PartnerManagement;
import pk.registry.sharing.Programme;
import pk.registry.sharing.dci.DciFixtures.Registered;
import pk.registry.sharing.dci.testing.CallbackReceiver;
import pk.registry.sharing.dci.testing.DciMessages;
import pk.registry.sharing.dci.testing.DciSpec;
import pk.testsupport.RegistryModuleTest;
import pk.testsupport.TestClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * DCI subscriptions at the sharing module's scope: only persons the agreement was answered about
 * can be followed, once; a rescoring that changes eligibility is notified (once, logged as a
 * disclosure), an unchanged one is not; an erased household's subscriptions are notified and
 * end; an agreement ends only its own subscriptions.
 */
@RegistryModuleTest
class DciSubscriptionsIntegrationTests {

    @Autowired
    DciGateway gateway;

    @Autowired
    CallbackDelivery delivery;

    @Autowired
    PartnerManagement partners;

    @Autowired
    HouseholdManagement households;

    @Autowired
    HouseholdScores scores;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    HouseholdErasure erasure;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventPublicationRegistry publications;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    TestClock clock;

    TransactionTemplate transactions;
    Programme programme;
    Registered household;
    CallbackReceiver receiver;
    Agreement agreement;
    Actor partner;

    @BeforeEach
    void setUp() {
        clock.reset();
        transactions = new TransactionTemplate(transactionManager);
        String model = DciFixtures.model(scores, 10);
        programme = DciFixtures.programme(partners, model);
        household = DciFixtures.register(households, Pakistan.today(clock));
        DciFixtures.rescore(transactions, scores, household.id(), model);
        receiver = CallbackReceiver.start();
        agreement = agreement();
        partner = DciFixtures.partner(agreement);
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    @Test
    void onlyAPersonTheAgreementWasAnsweredAboutCanBeFollowedAndOnlyOnce() {
        String cnic = household.cnics().get(0);
        List<JsonNode> before = subscribed(DciMessages.subscribeEntry("before", cnic),
                DciMessages.subscribeEntry("stranger", DciFixtures.newCnic('M')), DciMessages.subscribeEntry("suite", "TEST-001"));
        ask(cnic);
        List<JsonNode> after = subscribed(DciMessages.subscribeEntry("after", cnic));
        List<JsonNode> again = subscribed(DciMessages.subscribeEntry("again", cnic));

        assertThat(before).extracting(entry -> entry.get("status_reason_code").asString())
                .containsOnly("rjct.person_id.invalid");
        assertThat(before.get(0).get("status_reason_message")).as("a registered person not asked about and an unregistered "
                + "one are told apart by nothing").isEqualTo(before.get(1).get("status_reason_message"));
        assertThat(after.get(0).get("status").asString()).isEqualTo("succ");
        String code = after.get(0).get("subscriptions").get(0).get("code").asString();
        assertThat(after.get(0).get("subscriptions").get(0).get("status").asString()).isEqualTo("subscribe");
        assertThat(again.get(0).get("status_reason_code").asString()).isEqualTo("rjct.event.already_subscribed");
        assertThat(again.get(0).get("subscriptions").get(0).get("code").asString()).as("the subscription it already has")
                .isEqualTo(code);
        assertThat(jdbc.sql("SELECT household_id, masked_cnic, last_eligible FROM dci_subscription WHERE code = :code")
                .param("code", code).query((rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).single())
                .containsExactly(household.id().toString(), cnic.substring(0, 5) + "-*******-1", "Y");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dci_subscription WHERE masked_cnic LIKE :digits OR receiver_id LIKE :digits")
                .param("digits", "%" + cnic.substring(6, 13) + "%").query(Long.class).single()).isZero();
    }

    /**
     * The partner's endpoint is down until its {@code on-subscribe} is given up: the subscription
     * stands, and subscribing again (a new message) tells the partner its code, with which it can
     * end it.
     */
    @Test
    void aPartnerWhoseOnSubscribeNeverArrivedLearnsItsCodeBySubscribingAgain() {
        String cnic = household.cnics().get(0);
        ask(cnic);
        receiver.failNext(100);
        DciReply lost = gateway.subscribe(partner, bytes(DciMessages.subscribe(DciMessages.subscribeEntry("lost", cnic))));
        assertThat(lost.status()).isEqualTo(202);
        for (int round = 0; round < 8; round++) {
            delivery.deliverDue();
            clock.advance(Duration.ofMinutes(31));
        }
        assertThat(receiver.attempts()).as("given up").isEqualTo(6);
        receiver.failNext(0);
        String stored = jdbc.sql("SELECT code FROM dci_subscription WHERE agreement_id = :agreement AND ended_at IS NULL")
                .param("agreement", agreement.id().value()).query(String.class).single();

        JsonNode again = subscribed(DciMessages.subscribeEntry("again", cnic)).get(0);

        assertThat(again.get("status_reason_code").asString()).isEqualTo("rjct.event.already_subscribed");
        JsonNode existing = again.get("subscriptions").get(0);
        assertThat(existing.get("code").asString()).isEqualTo(stored);
        assertThat(existing.get("status").asString()).isEqualTo("subscribe");
        assertThat(java.time.OffsetDateTime.parse(existing.get("timestamp").asString()).toInstant())
                .as("since it was taken out, not now").isBefore(clock.instant().minus(Duration.ofHours(1)));
        assertThat(unsubscribed(partner, stored).get("status").asString()).isEqualTo("succ");
    }

    @Test
    void aRescoringThatChangesEligibilityIsNotifiedOnceAndAnUnchangedOneNot() {
        String cnic = household.cnics().get(0);
        String code = followed(cnic);
        long disclosuresBefore = disclosures();

        String same = DciFixtures.model(scores, 20);
        rescoreUnder(same);
        reviewedAndDelivered();
        assertThat(receiver.callsTo("/registry/notify")).as("still eligible: nothing to tell").isEmpty();
        assertThat(disclosures()).isEqualTo(disclosuresBefore);

        String higher = DciFixtures.model(scores, 90);
        rescoreUnder(higher);
        reviewedAndDelivered();

        CallbackReceiver.Call call = receiver.await("/registry/notify", 1, Duration.ofSeconds(5)).get(0);
        DciSpec.get().assertValidRequest("/registry/notify", call.body());
        JsonNode notify = DciMessages.read(call.body());
        assertThat(notify.get("header").get("action").asString()).isEqualTo("notify");
        JsonNode event = notify.get("message").get("notify_event").get(0);
        assertThat(event.get("reference_id").asString()).isEqualTo(code);
        JsonNode record = event.get("data").get("reg_records");
        assertThat(record.propertyNames()).containsExactly("eligible", "score_band", "group_size", "district",
                "masked_identifier");
        assertThat(record.get("eligible").asBoolean()).isFalse();
        assertThat(record.get("score_band").asString()).isEqualTo("80-100");
        assertThat(record.get("masked_identifier").get("identifier_value").asString()).isEqualTo(cnic.substring(0, 5) + "-*******-1");
        assertThat(call.body()).doesNotContain(household.personalData());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM disclosure WHERE agreement_id = :agreement AND outcome = 'NOTIFIED'")
                .param("agreement", agreement.id().value()).query(Long.class).single()).isEqualTo(1);

        rescoreUnder(higher);
        reviewedAndDelivered();
        assertThat(receiver.callsTo("/registry/notify")).as("told once").hasSize(1);
    }

    /**
     * A partner cannot ask for a change it was never told of: a notification is retried past the
     * six attempts after which an answer to the partner's own request is given up, and arrives
     * once the partner's endpoint is back.
     */
    @Test
    void aNotificationIsRetriedUntilThePartnersEndpointIsBack() {
        String code = followedAndChangedWhileThePartnerIsDown();
        for (int round = 0; round < 12; round++) {
            clock.advance(Duration.ofMinutes(31));
            delivery.deliverDue();
        }
        assertThat(receiver.attempts()).as("the on-subscribe, then the notification past six attempts").isGreaterThan(1 + 6);
        assertThat(notifications()).containsExactly("pdng PENDING kept");

        receiver.failNext(0);
        clock.advance(Duration.ofMinutes(31));
        delivery.deliverDue();

        JsonNode event = DciMessages.read(receiver.await("/registry/notify", 1, Duration.ofSeconds(5)).get(0).body())
                .get("message").get("notify_event").get(0);
        assertThat(event.get("reference_id").asString()).isEqualTo(code);
        assertThat(event.get("data").get("reg_records").get("eligible").asBoolean()).isFalse();
        awaitNotifications(List.of("succ DELIVERED dropped"));
    }

    /**
     * Retried for {@code registry.dci.delivery.notify-retried-for} (7 days), then given up; the
     * subscription then records the partner as not told, so that the next review tells it.
     */
    @Test
    void aNotificationUndeliveredForAWeekIsGivenUpAndToldAtTheNextReview() {
        followedAndChangedWhileThePartnerIsDown();
        for (int day = 1; day <= 6; day++) {
            clock.advance(Duration.ofDays(1));
            delivery.deliverDue();
        }
        assertThat(notifications()).as("six days on").containsExactly("pdng PENDING kept");

        clock.advance(Duration.ofDays(1));
        delivery.deliverDue();

        assertThat(notifications()).containsExactly("rjct FAILED kept");
        assertThat(receiver.callsTo("/registry/notify")).isEmpty();

        // The partner is back; the next review of the household tells it the change it missed.
        receiver.failNext(0);
        transactions.executeWithoutResult(status -> events.publishEvent(new HouseholdCorrected(household.id())));
        reviewedAndDelivered();
        JsonNode event = DciMessages.read(receiver.await("/registry/notify", 1, Duration.ofSeconds(5)).get(0).body())
                .get("message").get("notify_event").get(0);
        assertThat(event.get("data").get("reg_records").get("eligible").asBoolean()).as("still not eligible").isFalse();
    }

    /**
     * A change while the agreement is suspended is not told (the agreement answers nothing); once
     * the administrator reactivates it, it is, without waiting for the household's next change,
     * and only once however often the agreement is saved.
     */
    @Test
    void aChangeWhileTheAgreementIsSuspendedIsToldWhenItIsReactivated() {
        String code = followed(household.cnics().get(0));
        partners.saveAgreement(agreementWith(AgreementStatus.SUSPENDED));
        rescoreUnder(DciFixtures.model(scores, 90));
        reviewedAndDelivered();
        assertThat(receiver.callsTo("/registry/notify")).as("suspended: nothing told").isEmpty();

        partners.saveAgreement(agreementWith(AgreementStatus.ACTIVE));
        reviewedAndDelivered();
        partners.saveAgreement(agreementWith(AgreementStatus.ACTIVE));
        reviewedAndDelivered();

        List<CallbackReceiver.Call> told = receiver.await("/registry/notify", 1, Duration.ofSeconds(5));
        JsonNode event = DciMessages.read(told.get(0).body()).get("message").get("notify_event").get(0);
        assertThat(event.get("reference_id").asString()).isEqualTo(code);
        assertThat(event.get("data").get("reg_records").get("eligible").asBoolean()).isFalse();
        assertThat(receiver.callsTo("/registry/notify")).as("told once").hasSize(1);
    }

    /**
     * A notification held for a retry is given up when the agreement is suspended (nothing may be
     * sent under it); reactivating the agreement tells the change it missed.
     */
    @Test
    void aNotificationGivenUpWhileTheAgreementWasSuspendedIsToldWhenItIsReactivated() {
        followedAndChangedWhileThePartnerIsDown();
        partners.saveAgreement(agreementWith(AgreementStatus.SUSPENDED));
        reviewedAndDelivered();
        clock.advance(Duration.ofMinutes(31));
        delivery.deliverDue();
        assertThat(notifications()).containsExactly("rjct FAILED kept");

        receiver.failNext(0);
        partners.saveAgreement(agreementWith(AgreementStatus.ACTIVE));
        reviewedAndDelivered();

        JsonNode event = DciMessages.read(receiver.await("/registry/notify", 1, Duration.ofSeconds(5)).get(0).body())
                .get("message").get("notify_event").get(0);
        assertThat(event.get("data").get("reg_records").get("eligible").asBoolean()).isFalse();
    }

    /**
     * Eligibility changes twice while the partner's endpoint is down: the first notification is
     * superseded by the second, so that the partner, once back, is told the latest change only,
     * never the older one after it.
     */
    @Test
    void aLaterNotificationSupersedesOneNotYetDelivered() {
        String code = followedAndChangedWhileThePartnerIsDown();
        rescoreUnder(DciFixtures.model(scores, 20));
        reviewedAndDelivered();
        assertThat(notifications()).containsExactly("rjct FAILED dropped", "pdng PENDING kept");

        receiver.failNext(0);
        clock.advance(Duration.ofMinutes(31));
        delivery.deliverDue();
        clock.advance(Duration.ofMinutes(31));
        delivery.deliverDue();

        List<CallbackReceiver.Call> told = receiver.await("/registry/notify", 1, Duration.ofSeconds(5));
        assertThat(told).hasSize(1);
        JsonNode event = DciMessages.read(told.get(0).body()).get("message").get("notify_event").get(0);
        assertThat(event.get("reference_id").asString()).isEqualTo(code);
        assertThat(event.get("data").get("reg_records").get("eligible").asBoolean()).as("the latest: eligible again").isTrue();
        awaitNotifications(List.of("rjct FAILED dropped", "succ DELIVERED dropped"));
        assertThat(jdbc.sql("SELECT t.status_reason FROM dci_transaction t WHERE t.agreement_id = :agreement "
                + "AND t.txn_type = 'notify' ORDER BY t.created_at FETCH FIRST 1 ROWS ONLY")
                .param("agreement", agreement.id().value()).query(String.class).single()).contains("superseded");
    }

    /** Once the partner ended the subscription, nothing more is told about the household, not even a change from before. */
    @Test
    void aNotificationNotYetDeliveredIsNotSentAfterThePartnerUnsubscribes() {
        String code = followed(household.cnics().get(0));
        receiver.failNext(1);
        rescoreUnder(DciFixtures.model(scores, 90));
        reviewedAndDelivered();
        assertThat(notifications()).as("failed once, held for a retry").containsExactly("pdng PENDING kept");

        assertThat(unsubscribed(partner, code).get("status").asString()).isEqualTo("succ");
        for (int round = 0; round < 3; round++) {
            clock.advance(Duration.ofMinutes(31));
            delivery.deliverDue();
        }

        assertThat(receiver.callsTo("/registry/notify")).isEmpty();
        awaitNotifications(List.of("rjct FAILED dropped"));
        assertThat(jdbc.sql("SELECT status_reason FROM dci_transaction WHERE agreement_id = :agreement AND txn_type = 'notify'")
                .param("agreement", agreement.id().value()).query(String.class).single()).contains("ended the subscription");
    }

    @Test
    void aProgrammeChangedByTheAdministratorIsNotifiedWhenItChangesEligibilityOnly() {
        String cnic = household.cnics().get(0);
        ask(cnic);
        subscribed(DciMessages.subscribeEntry("follow", cnic));

        partners.saveProgramme(new pk.registry.sharing.Programme(programme.code(), "Renamed", programme.modelVersion(),
                programme.cutoff()));
        reviewedAndDelivered();
        assertThat(receiver.callsTo("/registry/notify")).as("still eligible: nothing to tell").isEmpty();

        partners.saveProgramme(new pk.registry.sharing.Programme(programme.code(), programme.name(),
                programme.modelVersion(), BigDecimal.valueOf(5)));
        reviewedAndDelivered();

        JsonNode notify = DciMessages.read(receiver.await("/registry/notify", 1, Duration.ofSeconds(5)).get(0).body());
        assertThat(notify.get("message").get("notify_event").get(0).get("data").get("reg_records").get("eligible")
                .asBoolean()).as("its score of 10 is above the new cut-off of 5").isFalse();
    }

    @Test
    void aCorrectionIsNotifiedWhenItChangesEligibilityOnly() {
        String cnic = household.cnics().get(0);
        ask(cnic);
        subscribed(DciMessages.subscribeEntry("follow", cnic));

        transactions.executeWithoutResult(status -> events.publishEvent(new HouseholdCorrected(household.id())));
        reviewedAndDelivered();
        assertThat(receiver.callsTo("/registry/notify")).as("still eligible").isEmpty();

        // The correction rescored the household above the programme's cut-off.
        jdbc.sql("UPDATE household_score SET score = 99 WHERE household_id = :household AND model_version = :version")
                .param("household", household.id().toString()).param("version", programme.modelVersion()).update();
        transactions.executeWithoutResult(status -> events.publishEvent(new HouseholdCorrected(household.id())));
        reviewedAndDelivered();

        JsonNode notify = DciMessages.read(receiver.await("/registry/notify", 1, Duration.ofSeconds(5)).get(0).body());
        assertThat(notify.get("message").get("notify_event").get(0).get("data").get("reg_records").get("eligible")
                .asBoolean()).as("rescored above the cut-off").isFalse();
    }

    @Test
    void anErasedHouseholdsSubscriptionsAreNotifiedAndEnd() {
        String cnic = household.cnics().get(0);
        String code = followed(cnic);

        transactions.executeWithoutResult(status -> events.publishEvent(new HouseholdsErased(List.of(household.id()))));
        reviewedAndDelivered();

        JsonNode notify = DciMessages.read(receiver.await("/registry/notify", 1, Duration.ofSeconds(5)).get(0).body());
        assertThat(notify.get("message").get("notify_event").get(0).get("reference_id").asString()).isEqualTo(code);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dci_subscription WHERE code = :code AND ended_at IS NOT NULL")
                .param("code", code).query(Long.class).single()).isEqualTo(1);
        JsonNode status = unsubscribed(partner, code);
        assertThat(status.get("status_reason_code").asString()).isEqualTo("rjct.event.already_unsubscribed");
    }

    @Test
    void aNotificationHeldWhenTheHouseholdIsErasedIsWithdrawnAndOnlyTheErasureIsTold() {
        String cnic = household.cnics().get(0);
        String code = followed(cnic);
        receiver.failNext(1);
        rescoreUnder(DciFixtures.model(scores, 90));
        reviewedAndDelivered();
        assertThat(receiver.attempts()).as("the change's notification failed once and is held for a retry").isEqualTo(2);

        transactions.executeWithoutResult(status -> erasure.erase(new Actor("dpo", Role.DPO, java.util.Set.of(), null),
                erasure.plan(List.of(household.id())), Purpose.LEGAL_COMPLIANCE));
        reviewedAndDelivered();
        clock.advance(Duration.ofMinutes(1));
        delivery.deliverDue();

        List<CallbackReceiver.Call> told = receiver.await("/registry/notify", 1, Duration.ofSeconds(5));
        assertThat(told).as("the held change is not sent after the erasure").hasSize(1);
        JsonNode record = DciMessages.read(told.get(0).body()).get("message").get("notify_event").get(0).get("data")
                .get("reg_records");
        assertThat(record.get("score_band").isNull()).as("the erasure's notification: unregistered").isTrue();
        assertThat(DciMessages.read(told.get(0).body()).get("message").get("notify_event").get(0).get("reference_id")
                .asString()).isEqualTo(code);
        awaitNotifications(List.of("rjct FAILED dropped", "succ DELIVERED dropped"));
    }

    /** The scheduled delivery round may have sent the last one, and records the outcome just after the receiver answered. */
    private void awaitNotifications(List<String> expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!notifications().equals(expected) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
        assertThat(notifications()).containsExactlyElementsOf(expected);
    }

    /** The agreement's notifications, oldest first: transaction status, delivery status, whether the answer is kept. */
    private List<String> notifications() {
        return jdbc.sql("""
                SELECT t.status || ' ' || d.status || ' ' || CASE WHEN d.sealed_envelope IS NULL THEN 'dropped' ELSE 'kept' END
                FROM dci_transaction t JOIN dci_delivery d ON d.correlation_id = t.correlation_id
                WHERE t.agreement_id = :agreement AND t.txn_type = 'notify' ORDER BY t.created_at""")
                .param("agreement", agreement.id().value()).query(String.class).list();
    }

    @Test
    void anAgreementEndsOnlyItsOwnSubscriptions() {
        String cnic = household.cnics().get(0);
        String code = followed(cnic);
        Agreement other = agreement();

        JsonNode foreign = unsubscribed(DciFixtures.partner(other), code);
        JsonNode own = unsubscribed(partner, code);
        JsonNode again = unsubscribed(partner, code);
        JsonNode unknown = unsubscribed(partner, "sub-test-001");

        assertThat(foreign.get("status").asString()).isEqualTo("rjct");
        assertThat(foreign.get("status_reason_code").asString()).isEqualTo("rjct.subscription_code.invalid");
        assertThat(foreign.get("subscription_status")).isEmpty();
        assertThat(own.get("status").asString()).isEqualTo("succ");
        assertThat(own.get("subscription_status").get(0).get("code").asString()).isEqualTo(code);
        assertThat(own.get("subscription_status").get(0).get("status").asString()).isEqualTo("unsubscribe");
        assertThat(again.get("status_reason_code").asString()).isEqualTo("rjct.event.already_unsubscribed");
        assertThat(unknown.get("status_reason_code").asString()).isEqualTo("rjct.subscription_code.invalid");
        assertThat(subscribed(DciMessages.subscribeEntry("follow-again", cnic)).get(0).get("status").asString())
                .as("an ended subscription can be taken out again").isEqualTo("succ");
    }

    /**
     * Every code listed is answered, in the order listed, and the header counts what was listed:
     * a code listed twice is ended by its first listing, and its second finds it ended.
     */
    @Test
    void aCodeListedTwiceIsAnsweredForEachListing() {
        String cnic = household.cnics().get(0);
        String code = followed(cnic);

        JsonNode callback = unsubscribedWith(partner, code, code);

        assertThat(callback.get("header").get("total_count").asInt()).isEqualTo(2);
        assertThat(callback.get("header").get("completed_count").asInt()).isEqualTo(2);
        JsonNode message = callback.get("message");
        assertThat(message.get("subscription_status")).hasSize(2).allSatisfy(status -> {
            assertThat(status.get("code").asString()).isEqualTo(code);
            assertThat(status.get("status").asString()).isEqualTo("unsubscribe");
        });
        assertThat(message.get("status").asString()).isEqualTo("rjct");
        assertThat(message.get("status_reason_code").asString()).isEqualTo("rjct.event.already_unsubscribed");
        assertThat(message.get("status_reason_message").asString()).contains("earlier in the list");
    }

    @Test
    void aSubscriptionThatBreaksTheStandardIsRefusedAsAWhole() {
        ObjectNode noZone = DciMessages.subscribe(DciMessages.subscribeEntry("r", household.cnics().get(0))
                .put("timestamp", "2024-01-15T10:30:00"));
        ObjectNode longCode = DciMessages.unsubscribe("s".repeat(100));

        DciReply subscribe = gateway.subscribe(partner, bytes(noZone));
        DciReply unsubscribe = gateway.unsubscribe(partner, bytes(longCode));

        for (DciReply reply : List.of(subscribe, unsubscribe)) {
            DciSpec.get().assertValidResponse("/registry/subscribe", 200, reply.json());
            assertThat(reply.body().get("message").get("ack_status").asString()).isEqualTo("ERR");
        }
        assertThat(gateway.unsubscribe(partner, bytes(DciMessages.unsubscribe("s".repeat(99)))).status()).isEqualTo(202);
    }

    private Agreement agreement() {
        return DciFixtures.draft(programme.code(), Pakistan.today(clock))
                .with(draft -> draft.callbackBaseUrl = receiver.baseUrl()).save(partners);
    }

    /** The test's agreement as saved, with another status. */
    private Agreement agreementWith(AgreementStatus status) {
        Agreement saved = partners.agreement(agreement.id()).orElseThrow();
        return new Agreement(saved.id(), saved.agency(), status, saved.validFrom(), saved.validUntil(), saved.dailyQuota(),
                saved.programmes(), saved.purposes(), saved.fields(), saved.jurisdiction(), saved.transferApproval(),
                saved.callbackBaseUrl(), saved.jwks(), saved.dciSenderId(), saved.updatedAt());
    }

    /** Asks about the person (a synchronous search), as a partner must before following them. */
    private void ask(String cnic) {
        DciReply reply = gateway.syncSearch(partner, bytes(DciMessages.search(DciMessages.searchEntry("ask", "CNIC", cnic))));
        assertThat(reply.body().get("message").get("search_response").get(0).get("status").asString()).isEqualTo("succ");
    }

    /**
     * Follows the household, then, with the partner's endpoint failing every call, rescores it out
     * of eligibility (the notification fails once and is held); returns the subscription's code.
     */
    private String followedAndChangedWhileThePartnerIsDown() {
        String code = followed(household.cnics().get(0));
        receiver.failNext(1000);
        rescoreUnder(DciFixtures.model(scores, 90));
        reviewedAndDelivered();
        return code;
    }

    /** Asks about the person, then follows them; returns the subscription's code. */
    private String followed(String cnic) {
        ask(cnic);
        return subscribed(DciMessages.subscribeEntry("follow", cnic)).get(0).get("subscriptions").get(0).get("code").asString();
    }

    /** Subscribes; returns the entries of the on-subscribe callback (checked against the standard). */
    private List<JsonNode> subscribed(ObjectNode... entries) {
        ObjectNode request = DciMessages.subscribe(entries);
        DciSpec.get().assertValidRequest("/registry/subscribe", DciMessages.text(request));
        // Counted before asking: the scheduled delivery may send the callback before deliverDue does.
        int before = receiver.callsTo("/registry/on-subscribe").size();
        DciReply reply = gateway.subscribe(partner, bytes(request));
        assertThat(reply.status()).isEqualTo(202);
        DciSpec.get().assertValidResponse("/registry/subscribe", 202, reply.json());
        delivery.deliverDue();
        CallbackReceiver.Call call = receiver.await("/registry/on-subscribe", before + 1, Duration.ofSeconds(5)).get(before);
        DciSpec.get().assertValidRequest("/registry/on-subscribe", call.body());
        JsonNode callback = DciMessages.read(call.body());
        assertThat(callback.get("message").get("correlation_id").asString())
                .isEqualTo(reply.body().get("message").get("correlation_id").asString());
        List<JsonNode> responses = new java.util.ArrayList<>();
        callback.get("message").get("subscribe_response").forEach(responses::add);
        return responses;
    }

    /** Unsubscribes; returns the on-unsubscribe callback's message (checked against the standard). */
    private JsonNode unsubscribed(Actor caller, String code) {
        return unsubscribedWith(caller, code).get("message");
    }

    /** Unsubscribes the codes in one request; returns the on-unsubscribe callback, header and message (checked against the standard). */
    private JsonNode unsubscribedWith(Actor caller, String... codes) {
        ObjectNode request = DciMessages.unsubscribe(codes);
        DciSpec.get().assertValidRequest("/registry/unsubscribe", DciMessages.text(request));
        int before = receiver.callsTo("/registry/on-unsubscribe").size();
        DciReply reply = gateway.unsubscribe(caller, bytes(request));
        assertThat(reply.status()).isEqualTo(202);
        delivery.deliverDue();
        CallbackReceiver.Call call = receiver.await("/registry/on-unsubscribe", before + 1, Duration.ofSeconds(5)).get(before);
        DciSpec.get().assertValidRequest("/registry/on-unsubscribe", call.body());
        return DciMessages.read(call.body());
    }

    /** Scores the household under a new model, moves the programme onto it, and announces the rescoring as the job does. */
    private void rescoreUnder(String model) {
        DciFixtures.rescore(transactions, scores, household.id(), model);
        partners.saveProgramme(new pk.registry.sharing.Programme(programme.code(), programme.name(), model,
                BigDecimal.valueOf(50)));
        scores.rescoringFinished(model);
    }

    /**
     * Waits until the subscription reviews of the events so far have ended (they run after the
     * publishing transaction commits, on threads of their own), then delivers what is due: so
     * that "nothing was told" is a finding, not an early look.
     */
    private void reviewedAndDelivered() {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (publications.findIncompletePublications().stream()
                .anyMatch(publication -> publication.getTargetIdentifier().getValue().contains("HouseholdChanges"))
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
        delivery.deliverDue();
    }

    private long disclosures() {
        return jdbc.sql("SELECT COUNT(*) FROM disclosure WHERE agreement_id = :agreement")
                .param("agreement", agreement.id().value()).query(Long.class).single();
    }

    private static byte[] bytes(ObjectNode request) {
        return DciMessages.text(request).getBytes(StandardCharsets.UTF_8);
    }
}
