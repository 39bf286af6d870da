package pk.registry.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import pk.registry.household.HouseholdErasure;
import pk.registry.household.HouseholdManagement;
import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.NoHouseholdException;
import pk.registry.kernel.Pakistan;
import pk.registry.kernel.Purpose;
import pk.registry.kernel.Role;
import pk.registry.rights.Households.Registered;
import pk.testsupport.AtOnce;
import pk.testsupport.RegistryModuleTest;
import pk.testsupport.TestClock;
import pk.testsupport.Uncommitted;

/** Complaints with the household, audit and key modules behind them: sealed, referenced, answered once. */
@RegistryModuleTest
class ComplaintsIntegrationTests {

    static final Actor DPO = new Actor("dpo", Role.DPO, Set.of(), null);
    static final Actor ERASURE = new Actor("job:erasure", Role.DPO, Set.of(), null);

    @Autowired
    Complaints complaints;

    @Autowired
    ComplaintRecords records;

    @Autowired
    HouseholdManagement households;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    /**
     * The DPO answers a complaint and decides a correction while the household's erasure is deleting
     * it (not yet committed): each waits for the erasure and finds nothing (404), never a false
     * "answered already" or an error; the applicant's next filings find no household (404).
     */
    @Test
    void aComplaintAnsweredOrACorrectionDecidedWhileTheHouseholdIsErasedFindsNothing(@Autowired HouseholdErasure erasure,
            @Autowired RightsDataHolder rights, @Autowired Corrections corrections,
            @Autowired PlatformTransactionManager transactions) throws Exception {
        Registered household = register();
        Complaint lodged = complaints.lodge(household.owner(), household.id(), "Please check our record again");
        Correction asked = corrections.request(household.owner(), household.id(), household.district(), new Corrections.Request(
                CorrectionKind.CORRECTION, "members[0].monthlyIncomePkr", "180000", "I have a new job at the mill"));
        try (Uncommitted<Void> erasing = Uncommitted.start(transactions, () -> {
            erasure.erase(ERASURE, erasure.plan(List.of(household.id())), Purpose.LEGAL_COMPLIANCE);
            rights.eraseFor(List.of(household.id()));
            return null;
        })) {
            assertThat(complaints.answer(DPO, lodged.id(), "We checked it")).isEmpty();
            erasing.committed();
        }
        assertThat(corrections.decide(DPO, asked.id(), true, null)).isEmpty();
        assertThatThrownBy(() -> complaints.lodge(household.owner(), household.id(), "Again"))
                .isInstanceOf(NoHouseholdException.class);
        assertThatThrownBy(() -> corrections.request(household.owner(), household.id(), household.district(),
                new Corrections.Request(CorrectionKind.ANNOTATION, null, null, "Again"))).isInstanceOf(NoHouseholdException.class);
    }

    @Test
    void aComplaintIsSealedReferencedAndAnsweredOnceForItsHouseholdToRead() {
        Registered household = register();
        String text = "My disabled son was left out of the survey, please check again";
        String answer = "We checked the record and a field officer will visit on Monday";

        Complaint lodged = complaints.lodge(household.owner(), household.id(), text);

        assertThat(lodged.reference()).matches(ComplaintReferences.FORMAT)
                .startsWith("C-" + Pakistan.today(clock).getYear() + "-");
        assertThat(complaints.of(household.id())).singleElement().satisfies(complaint -> {
            assertThat(complaint.text()).isEqualTo(text);
            assertThat(complaint.status()).isEqualTo(ComplaintStatus.OPEN);
            assertThat(complaint.answer()).isNull();
        });
        assertThat(complaints.queue(DPO, ComplaintStatus.OPEN, 0, 1_000)).extracting(Complaint::id).contains(lodged.id());

        Complaint answered = complaints.answer(DPO, lodged.id(), answer).orElseThrow();

        assertThat(answered.status()).isEqualTo(ComplaintStatus.ANSWERED);
        assertThat(answered.answer()).isEqualTo(answer);
        assertThat(answered.answeredAt()).isNotNull();
        assertThat(complaints.of(household.id())).extracting(Complaint::answer).containsExactly(answer);
        assertThat(complaints.queue(DPO, ComplaintStatus.OPEN, 0, 1_000)).extracting(Complaint::id).doesNotContain(lodged.id());
        assertThat(complaints.queue(DPO, ComplaintStatus.ANSWERED, 0, 1_000)).extracting(Complaint::id).contains(lodged.id());
        assertThatThrownBy(() -> complaints.answer(DPO, lodged.id(), "another answer"))
                .isInstanceOf(RightsConflictException.class);
        assertThat(complaints.of(household.id())).extracting(Complaint::answer).containsExactly(answer);

        String stored = StoredBytes.of(jdbc, "complaint", household.id());
        assertThat(stored).as("control: the reference is stored in clear").contains(lodged.reference());
        for (String secret : new String[] { text, "disabled son", answer, "field officer will visit" }) {
            assertThat(stored).doesNotContain(secret).doesNotContain(StoredBytes.hex(secret));
        }
        assertThat(audited(household.id())).as("listed in the DPO's queue twice: read twice").containsExactly(
                "COMPLAINT_LODGED APPLICANT", "COMPLAINT_READ DPO", "COMPLAINT_ANSWERED DPO", "COMPLAINT_READ DPO");
    }

    @Test
    void aComplaintOfFourThousandCharactersOfUrduIsKept() {
        Registered household = register();
        String urdu = "میری شکایت ہے ".repeat(300).substring(0, 4_000);

        Complaint lodged = complaints.lodge(household.owner(), household.id(), urdu);
        complaints.answer(DPO, lodged.id(), urdu);

        assertThat(complaints.of(household.id())).singleElement().satisfies(complaint -> {
            assertThat(complaint.text()).isEqualTo(urdu);
            assertThat(complaint.answer()).isEqualTo(urdu);
        });
    }

    @Test
    void theQueueIsOldestFirstAPageAtATime() {
        Registered household = register();
        Complaint first = complaints.lodge(household.owner(), household.id(), "first");
        clock.advance(java.time.Duration.ofSeconds(1));
        Complaint second = complaints.lodge(household.owner(), household.id(), "second");

        var all = complaints.queue(DPO, null, 0, 10_000).stream().map(Complaint::id).toList();

        assertThat(all.indexOf(first.id())).isLessThan(all.indexOf(second.id()));
        assertThat(complaints.queue(DPO, null, 0, 1)).hasSize(1);
        assertThat(complaints.queue(DPO, null, all.size(), 1)).isEmpty();
    }

    @Test
    void theTableRefusesASecondComplaintWithTheSameReference() {
        Registered household = register();
        Complaint lodged = complaints.lodge(household.owner(), household.id(), "first");

        assertThatThrownBy(() -> records.insert(new ComplaintRecords.Row(UUID.randomUUID(), lodged.reference(),
                household.id(), ComplaintStatus.OPEN, new byte[] { 1 }, Instant.now(), null, null)))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void thereIsNoComplaintToAnswerUnderAnUnknownId() {
        assertThat(complaints.answer(DPO, UUID.randomUUID(), "answer")).isEmpty();
    }

    /**
     * Ten a day (the default): the eleventh is refused before anything is kept; another household
     * is not held back, and the next Pakistani day frees the quota.
     */
    @Test
    void aHouseholdLodgesAtMostTheDaysQuotaOfComplaints() {
        Registered household = register();
        Registered neighbour = register();
        for (int i = 1; i <= 10; i++) {
            complaints.lodge(household.owner(), household.id(), "complaint number " + i);
        }

        assertThatThrownBy(() -> complaints.lodge(household.owner(), household.id(), "one too many"))
                .isInstanceOfSatisfying(FilingQuotaExhaustedException.class, refused -> assertThat(refused.retryAfter())
                        .isPositive().isLessThanOrEqualTo(java.time.Duration.ofDays(1)));
        assertThat(complaints.of(household.id())).hasSize(10);
        assertThat(complaints.lodge(neighbour.owner(), neighbour.id(), "the neighbour's own").status())
                .isEqualTo(ComplaintStatus.OPEN);

        clock.advance(java.time.Duration.ofDays(1));

        complaints.lodge(household.owner(), household.id(), "the next day");
        assertThat(complaints.of(household.id())).hasSize(11);
    }

    /** Complaints lodged at once stop at the day's quota as complaints lodged one after another do. */
    @Test
    void complaintsLodgedAtOnceKeepTheQuota() throws InterruptedException {
        Registered household = register();

        java.util.List<String> lodged = AtOnce.run(14, caller -> {
            try {
                complaints.lodge(household.owner(), household.id(), "complaint at once " + caller);
                return "lodged";
            }
            catch (FilingQuotaExhaustedException refused) {
                return "refused";
            }
        });

        assertThat(lodged).filteredOn("lodged"::equals).hasSize(10);
        assertThat(complaints.of(household.id())).hasSize(10);
    }

    private Registered register() {
        return Households.register(households, "Lahore", Pakistan.today(clock));
    }

    private java.util.List<String> audited(HouseholdId household) {
        return jdbc.sql("""
                SELECT action || ' ' || actor_role FROM audit_event
                WHERE household_id = :household AND action LIKE 'COMPLAINT%' ORDER BY seq""")
                .param("household", household.toString()).query(String.class).list();
    }
}
