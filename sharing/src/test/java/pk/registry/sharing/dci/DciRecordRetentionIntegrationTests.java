package pk.registry.sharing.dci;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.RetentionCategory;
import pk.registry.sharing.Agreement;
import pk.registry.sharing.Programme;
import pk.registry.sharing.dci.DciFixtures.Registered;
import pk.registry.sharing.dci.testing.CallbackReceiver;
import pk.registry.sharing.dci.testing.DciMessages;
import pk.testsupport.RegistryModuleTest;
import tools.jackson.databind.node.ObjectNode;

/**
 * The DCI records' retention category: a transaction past the cut-off goes with its entries and
 * callbacks once none is pending or holds an answer; a pending one stays; an ended subscription
 * goes unless its household is held; an active one stays; message ids received before it go.
 */
@RegistryModuleTest
class DciRecordRetentionIntegrationTests extends EligibleHouseholdTests {

    @Autowired
    DciRecordRetention retention;

    @Autowired
    CallbackDelivery delivery;

    CallbackReceiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = CallbackReceiver.start();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    @Test
    void endedRecordsGoAfterTheirPeriodWhilePendingActiveAndHeldOnesStay() throws InterruptedException {
        Agreement agreement = DciFixtures.draft(programme.code(), today())
                .with(draft -> draft.callbackBaseUrl = receiver.baseUrl()).save(partners);
        Actor partner = DciFixtures.partner(agreement);
        Instant cutoff = clock.instant().plusSeconds(60);
        HouseholdId heldHousehold = HouseholdId.newId();
        RetentionCategory.Count before = retention.count(cutoff, Set.of(heldHousehold));

        String answered = correlation(gateway.syncSearch(partner, bytes(search(household))).body().path("message"));
        String delivered = correlation(gateway.search(partner, bytes(search(household))).body().path("message"));
        delivery.deliverDue(); // or the scheduled delivery round: either records it delivered
        awaitDelivery(delivered, "DELIVERED");
        receiver.failNext(1);
        String pending = correlation(gateway.search(partner, bytes(search(household))).body().path("message"));
        delivery.deliverDue();
        awaitDelivery(pending, "PENDING");
        assertThat(receiver.attempts()).as("failed once, to be retried").isEqualTo(2);
        String ended = subscription(agreement, programme, household.id(), true);
        String endedHeld = subscription(agreement, programme, heldHousehold, true);
        String active = subscription(agreement, programme, household.id(), false);

        RetentionCategory.Count after = retention.count(cutoff, Set.of(heldHousehold));
        assertThat(after.deletable() - before.deletable())
                .as("two ended transactions, one ended subscription, the three requests' message ids").isEqualTo(6);
        assertThat(after.held() - before.held()).isEqualTo(1);

        int deleted;
        int total = 0;
        do {
            deleted = new TransactionTemplate(transactionManager)
                    .execute(status -> retention.deleteBatch(cutoff, Set.of(heldHousehold), 2));
            total += deleted;
        }
        while (deleted == 2);

        assertThat(total).isGreaterThanOrEqualTo(6);
        assertThat(rows("dci_message", "agreement_id", agreement.id().value())).as("message ids received before").isZero();
        for (String gone : new String[] { answered, delivered }) {
            for (String table : new String[] { "dci_transaction", "dci_reference", "dci_delivery" }) {
                assertThat(rows(table, "correlation_id", gone)).as(table).isZero();
            }
        }
        assertThat(rows("dci_transaction", "correlation_id", pending)).as("its callback is pending").isEqualTo(1);
        assertThat(rows("dci_delivery", "correlation_id", pending)).isEqualTo(1);
        assertThat(rows("dci_subscription", "code", ended)).isZero();
        assertThat(rows("dci_subscription", "code", endedHeld)).as("held").isEqualTo(1);
        assertThat(rows("dci_subscription", "code", active)).isEqualTo(1);
        assertThat(retention.count(cutoff, Set.of(heldHousehold)).deletable()).isZero();

        clock.advance(java.time.Duration.ofMinutes(2));
        gateway.syncSearch(partner, bytes(search(household)));
        new TransactionTemplate(transactionManager).execute(status -> retention.deleteBatch(cutoff, Set.of(heldHousehold), 100));
        assertThat(rows("dci_message", "agreement_id", agreement.id().value())).as("received after the cut-off").isEqualTo(1);
    }

    private void awaitDelivery(String correlationId, String status) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!jdbc.sql("SELECT status || '/' || attempts FROM dci_delivery WHERE correlation_id = :id")
                .param("id", correlationId).query(String.class).single().equals(status + "/1") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(jdbc.sql("SELECT status || '/' || attempts || '/' || CASE WHEN claimed_by IS NULL THEN 'free' ELSE 'claimed' END"
                + " FROM dci_delivery WHERE correlation_id = :id").param("id", correlationId).query(String.class).single())
                .isEqualTo(status + "/1/free");
    }

    private String subscription(Agreement agreement, Programme programme, HouseholdId household, boolean ended) {
        String code = DciMessages.newId();
        jdbc.sql("""
                INSERT INTO dci_subscription (code, agreement_id, household_id, programme, purpose, masked_cnic, receiver_id,
                                              last_eligible, active_key, created_at, ended_at)
                VALUES (:code, :agreement, :household, :programme, 'ELIGIBILITY_ASSESSMENT', '35202-*******-1', 'partner', 'Y',
                        :active, :at, :ended)""")
                .param("code", code).param("agreement", agreement.id().value()).param("household", household.toString())
                .param("programme", programme.code()).param("active", ended ? null : code)
                .param("at", Timestamp.from(clock.instant())).param("ended", ended ? Timestamp.from(clock.instant()) : null)
                .update();
        return code;
    }

    private long rows(String table, String column, String value) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = :value").param("value", value)
                .query(Long.class).single();
    }

    private static ObjectNode search(Registered household) {
        return DciMessages.search(DciMessages.searchEntry("r", "CNIC", household.cnics().get(0)));
    }

    private static String correlation(tools.jackson.databind.JsonNode message) {
        return message.get("correlation_id").asString();
    }

    private static byte[] bytes(ObjectNode request) {
        return DciMessages.text(request).getBytes(StandardCharsets.UTF_8);
    }
}
