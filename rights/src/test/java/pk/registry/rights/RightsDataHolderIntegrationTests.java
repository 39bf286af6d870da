package pk.registry.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import pk.registry.household.HouseholdManagement;
import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.Pakistan;
import pk.registry.kernel.Role;
import pk.registry.retention.ErasureRequest;
import pk.registry.retention.ErasureRequests;
import pk.registry.retention.Erasures;
import pk.registry.rights.Households.Registered;
import pk.testsupport.RegistryModuleTest;
import pk.testsupport.TestClock;

/** Erasing a household erases its corrections, annotations and complaints, and says so; others' stay. */
@RegistryModuleTest
class RightsDataHolderIntegrationTests {

    static final Actor DPO = new Actor("dpo", Role.DPO, Set.of(), null);

    @Autowired
    Corrections corrections;

    @Autowired
    Complaints complaints;

    @Autowired
    ErasureRequests requests;

    @Autowired
    Erasures erasures;

    @Autowired
    HouseholdManagement households;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RightsDataHolder holder;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    TestClock clock;

    @Test
    void anErasureTakesTheHouseholdsCorrectionsAndComplaintsWithIt() {
        Registered erased = register();
        Registered kept = register();
        corrections.request(erased.owner(), erased.id(), erased.district(),
                new Corrections.Request(CorrectionKind.CORRECTION, "rooms", "3", null));
        corrections.request(erased.owner(), erased.id(), erased.district(),
                new Corrections.Request(CorrectionKind.ANNOTATION, null, null, "A note"));
        complaints.lodge(erased.owner(), erased.id(), "A complaint");
        complaints.lodge(kept.owner(), kept.id(), "Another household's complaint");
        ErasureRequest request = requests.request(erased.owner(), erased.id());
        requests.decide(DPO, request.id(), new ErasureRequests.Decision(true, null, null));

        Erasures.Outcome outcome = new TransactionTemplate(transactionManager)
                .execute(status -> erasures.carryOut(DPO, request.id()));

        assertThat(outcome).isEqualTo(Erasures.Outcome.ERASED);
        assertThat(rows("correction", erased.id()) + rows("complaint", erased.id())).isZero();
        assertThat(rows("complaint", kept.id())).isEqualTo(1);
        assertThat(complaints.of(kept.id())).extracting(Complaint::text).containsExactly("Another household's complaint");
        ErasureRequest completed = requests.ofRequester(erased.owner(), request.id()).orElseThrow();
        assertThat(completed.certificate()).isNotBlank();
        assertThat(claims(completed.certificate())).contains("\"corrections\":2", "\"complaints\":1");
    }

    @Test
    void aChunkOfHouseholdsIsErasedTogetherWithEachOnesOwnCounts() {
        Registered first = register();
        Registered second = register();
        Registered none = register();
        Registered kept = register();
        complaints.lodge(first.owner(), first.id(), "One");
        complaints.lodge(first.owner(), first.id(), "Two");
        corrections.request(second.owner(), second.id(), second.district(),
                new Corrections.Request(CorrectionKind.ANNOTATION, null, null, "A note"));
        complaints.lodge(kept.owner(), kept.id(), "Kept");

        List<HouseholdId> chunk = List.of(first.id(), second.id(), none.id());
        Map<HouseholdId, Map<String, Integer>> held = new TransactionTemplate(transactionManager).execute(status -> {
            Map<HouseholdId, Map<String, Integer>> counted = holder.countFor(chunk);
            holder.eraseFor(chunk);
            return counted;
        });

        assertThat(held).containsOnlyKeys(first.id(), second.id());
        assertThat(held.get(first.id())).containsExactly(Map.entry("complaints", 2));
        assertThat(held.get(second.id())).containsExactly(Map.entry("corrections", 1));
        assertThat(rows("complaint", first.id()) + rows("correction", second.id())).isZero();
        assertThat(rows("complaint", kept.id())).isEqualTo(1);
    }

    private Registered register() {
        return Households.register(households, "Kasur", Pakistan.today(clock));
    }

    private long rows(String table, HouseholdId household) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE household_id = :household")
                .param("household", household.toString()).query(Long.class).single();
    }

    private static String claims(String jws) {
        return new String(Base64.getUrlDecoder().decode(jws.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
