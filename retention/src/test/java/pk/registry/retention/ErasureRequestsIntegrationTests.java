package pk.registry.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.Role;
import pk.testsupport.RegistryModuleTest;

/** One open erasure request per household, also when several are asked for at once. */
@RegistryModuleTest
class ErasureRequestsIntegrationTests {

    private static final Actor APPLICANT = new Actor("+923001112233", Role.APPLICANT, Set.of(), null);
    private static final Actor DPO = new Actor("client:demo-dpo", Role.DPO, Set.of(), null);

    @Autowired
    ErasureRequests requests;

    @Test
    void ofRequestsAskedForAtOnceOneIsOpenedAndTheOthersAreConflicts() throws Exception {
        HouseholdId household = HouseholdId.newId();
        int callers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                Callable<String> ask = () -> {
                    start.await();
                    try {
                        requests.request(APPLICANT, household);
                        return "opened";
                    }
                    catch (ErasureConflictException conflict) {
                        return "conflict";
                    }
                };
                outcomes.add(threads.submit(ask));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get());
            }

            assertThat(results).containsOnlyOnce("opened").containsOnly("opened", "conflict");
            assertThat(requests.of(household)).singleElement()
                    .satisfies(request -> assertThat(request.status()).isEqualTo(ErasureStatus.REQUESTED));
        }
        finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aRefusedRequestMayBeAskedForAgainButAnApprovedOneIsStillOpen() {
        HouseholdId household = HouseholdId.newId();
        ErasureRequest first = requests.request(APPLICANT, household);
        requests.decide(DPO, first.id(), new ErasureRequests.Decision(false, RefusalGround.COURT_ORDER, null));

        ErasureRequest second = requests.request(APPLICANT, household);
        requests.decide(DPO, second.id(), new ErasureRequests.Decision(true, null, null));

        assertThatThrownBy(() -> requests.request(APPLICANT, household)).isInstanceOf(ErasureConflictException.class);
        assertThat(requests.of(household)).extracting(ErasureRequest::status)
                .containsExactlyInAnyOrder(ErasureStatus.REFUSED, ErasureStatus.APPROVED);
    }

    @Test
    void anApprovalCitesNoGroundAndCarriesNoNoteAndARefusalCitesAGround() {
        HouseholdId household = HouseholdId.newId();
        ErasureRequest request = requests.request(APPLICANT, household);

        assertThatThrownBy(() -> requests.decide(DPO, request.id(), new ErasureRequests.Decision(true, RefusalGround.COURT_ORDER, null)))
                .isInstanceOf(ErasureConflictException.class);
        assertThatThrownBy(() -> requests.decide(DPO, request.id(), new ErasureRequests.Decision(true, null, "noted")))
                .isInstanceOf(ErasureConflictException.class);
        assertThatThrownBy(() -> requests.decide(DPO, request.id(), new ErasureRequests.Decision(false, null, "noted")))
                .isInstanceOf(ErasureConflictException.class);
        assertThat(requests.of(household)).extracting(ErasureRequest::status).containsExactly(ErasureStatus.REQUESTED);
    }
}
