package pk.registry.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import pk.registry.household.HouseholdForms.Household;
import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.Purpose;
import pk.registry.kernel.Role;
import pk.testsupport.RegistryModuleTest;

/**
 * What becomes of recorded registration conflicts: they carry the applicant's blind index, so
 * an erasure of the applicant's household deletes the applicant's own (not others' that merely
 * name the household), and the retention category deletes any past its period.
 */
@RegistryModuleTest
class RegistrationConflictRecordsIntegrationTests {

    private static final Actor DPO = new Actor("demo-dpo", Role.DPO, Set.of(), null);

    @Autowired
    HouseholdManagement households;

    @Autowired
    HouseholdErasure erasure;

    @Autowired
    ConflictRecords records;

    @Autowired
    ConflictRetention retention;

    @Autowired
    Owners owners;

    @Autowired
    RegistrationConflicts conflicts;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void erasingAHouseholdDeletesTheConflictsItsOwnerMadeAndNoOthers() {
        Household household = HouseholdForms.household();
        HouseholdId id = households.register(household.owner(), household.form(), HouseholdForms.consent(), null).id();
        byte[] owner = owners.tokenOf(household.owner());
        byte[] squatter = owners.tokenOf(HouseholdForms.household().owner());
        records.record(Instant.now(), ConflictKind.SECOND_HOUSEHOLD, owner, id, List.of());
        records.record(Instant.now(), ConflictKind.CNIC_REGISTERED, squatter, id, List.of(0));

        Household neighbour = HouseholdForms.household();
        HouseholdId other = households.register(neighbour.owner(), neighbour.form(), HouseholdForms.consent(), null).id();

        Map<HouseholdId, Map<String, Integer>> erased = transactions.execute(status -> {
            ErasurePlan plan = erasure.plan(List.of(id, other));
            erasure.erase(DPO, plan, Purpose.LEGAL_COMPLIANCE);
            return plan.counts();
        });

        assertThat(erased).containsOnlyKeys(id, other);
        assertThat(erased.get(id)).containsEntry("registrationConflicts", 1).containsEntry("households", 1);
        assertThat(erased.get(other)).containsEntry("households", 1).doesNotContainKey("registrationConflicts");
        assertThat(conflictsOf(owner)).as("the owner's blind index is gone").isZero();
        assertThat(conflictsOf(squatter)).as("another applicant's attempt on the household stays").isOne();
    }

    @Test
    void conflictsPastTheirPeriodAreDeletedByTheRetentionCategory() {
        byte[] applicant = owners.tokenOf(HouseholdForms.household().owner());
        Instant now = Instant.now();
        records.record(now.minus(Duration.ofDays(400)), ConflictKind.IDENTITY_NOT_CONFIRMED, applicant, null, List.of());
        records.record(now.minus(Duration.ofDays(300)), ConflictKind.IDENTITY_NOT_CONFIRMED, applicant, null, List.of());
        Instant cutoff = now.minus(Duration.ofDays(365));
        long before = retention.count(cutoff, Set.of()).deletable();

        int deleted = transactions.execute(status -> retention.deleteBatch(cutoff, Set.of(), 500));

        assertThat(retention.name()).isEqualTo("registrationConflicts");
        assertThat(before).isPositive();
        assertThat(deleted).isEqualTo((int) before);
        assertThat(retention.count(cutoff, Set.of()).deletable()).isZero();
        assertThat(conflictsOf(applicant)).as("the one inside its period stays").isOne();
    }

    @Test
    void everyPageTheDpoReadsIsAudited() {
        records.record(Instant.now(), ConflictKind.IDENTITY_NOT_CONFIRMED,
                owners.tokenOf(HouseholdForms.household().owner()), null, List.of());
        long before = conflictReads("client:demo-dpo");

        assertThat(conflicts.newestFirst(DPO, 0, 1)).hasSize(1);
        assertThat(conflicts.newestFirst(DPO, 1_000, 10)).isEmpty();

        assertThat(conflictReads("client:demo-dpo")).as("an empty page is a read too").isEqualTo(before + 2);
        assertThat(jdbc.sql("SELECT DISTINCT actor_role || ' ' || purpose || ' ' || outcome || ' ' || COALESCE(household_id, '-')"
                + " FROM audit_event WHERE action = 'REGISTRATION_CONFLICTS_READ'").query(String.class).list())
                .containsExactly("DPO LEGAL_COMPLIANCE SUCCESS -");
    }

    @Test
    void onlyTheDpoReadsThemAndARefusedCallLeavesNoTrace() {
        Actor auditor = new Actor("demo-auditor", Role.AUDITOR, Set.of(), null);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> conflicts.newestFirst(auditor, 0, 10));
        assertThat(conflictReads("client:demo-auditor")).isZero();
    }

    private long conflictReads(String actor) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'REGISTRATION_CONFLICTS_READ' AND actor = :actor")
                .param("actor", actor).query(Long.class).single();
    }

    private long conflictsOf(byte[] applicant) {
        return jdbc.sql("SELECT COUNT(*) FROM registration_conflict WHERE applicant_token = :applicant")
                .param("applicant", applicant).query(Long.class).single();
    }
}
