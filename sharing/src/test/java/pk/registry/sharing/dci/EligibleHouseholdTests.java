package pk.registry.sharing.dci;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import pk.registry.household.HouseholdManagement;
import pk.registry.household.HouseholdScores;
import pk.registry.kernel.Pakistan;
import pk.registry.sharing.PartnerManagement;
import pk.registry.sharing.Programme;
import pk.registry.sharing.dci.DciFixtures.Registered;
import pk.testsupport.TestClock;

/**
 * DCI module tests around a household eligible for a programme of its own (under a model version
 * of its own), registered afresh before each test with the clock reset.
 */
abstract class EligibleHouseholdTests {

    @Autowired
    DciGateway gateway;

    @Autowired
    PartnerManagement partners;

    @Autowired
    HouseholdManagement households;

    @Autowired
    HouseholdScores scores;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    TestClock clock;

    String model;
    Programme programme;
    Registered household;

    @BeforeEach
    void registerAnEligibleHousehold() {
        clock.reset();
        DciFixtures.Eligible eligible = DciFixtures.eligibleHousehold(scores, partners, households, transactionManager, today());
        model = eligible.model();
        programme = eligible.programme();
        household = eligible.household();
    }

    LocalDate today() {
        return Pakistan.today(clock);
    }
}
