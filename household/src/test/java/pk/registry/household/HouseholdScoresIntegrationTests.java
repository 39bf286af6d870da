package pk.registry.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import pk.registry.household.HouseholdForms.Household;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.Pakistan;
import pk.testsupport.RegistryModuleTest;
import pk.testsupport.TestClock;

/**
 * The proxy means test in the household module: every stored household is scored with the
 * active model in the same work, its explanation sealed; a new active version is announced and
 * every household can be rescored under it, once.
 */
@RegistryModuleTest
class HouseholdScoresIntegrationTests {

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

    @Autowired
    HouseholdCorrections corrections;

    @Autowired
    PmtModels models;

    @Test
    void aRegisteredHouseholdIsScoredInTheSameWorkAndItsExplanationIsSealed() {
        Household poor = HouseholdForms.poor(Pakistan.today(clock));

        HouseholdId id = households.register(poor.owner(), poor.form(), HouseholdForms.consent(), null).id();

        Map<String, Object> row = jdbc.sql("SELECT model_version, score, explanation_ct FROM household_score WHERE household_id = :id")
                .param("id", id.toString()).query().singleRow();
        assertThat(row.get("MODEL_VERSION")).isEqualTo("pmt-2025.1");
        assertThat((BigDecimal) row.get("SCORE")).isEqualByComparingTo("12.9");
        assertThat(new String((byte[]) row.get("EXPLANATION_CT"), StandardCharsets.ISO_8859_1))
                .doesNotContain("INCOME_PER_CAPITA").doesNotContain("contributions");
        PmtScore explained = households.find(poor.owner(), id).orElseThrow().score();
        assertThat(explained).isNotNull();
        assertThat(explained.score()).isEqualByComparingTo("12.9");
        assertThat(explained.contributions()).extracting(PmtScore.Contribution::factor).contains(PmtFactor.DEPENDENCY_RATIO);
        assertThat(scores.factsFor(Cnic.parse(poor.member(0).cnic), "pmt-2025.1")).hasValueSatisfying(facts -> {
            assertThat(facts.household()).isEqualTo(id);
            assertThat(facts.memberCount()).isEqualTo(6);
            assertThat(facts.district()).isEqualTo("Lahore");
            assertThat(facts.score()).isEqualByComparingTo("12.9");
        });
        assertThat(scores.factsFor(Cnic.parse(HouseholdForms.newCnic(Gender.M)), "pmt-2025.1")).isEmpty();
    }

    @Test
    void anUploadedHouseholdIsScoredToo() {
        SealedHousehold sealed = households.seal(new FieldForm(HouseholdForms.wellOff(Pakistan.today(clock)).form(),
                HouseholdForms.consent(), Pakistan.today(clock)));

        new TransactionTemplate(transactionManager).executeWithoutResult(
                status -> households.importHouseholds(HouseholdManagementIntegrationTests.OFFICER, List.of(sealed)));

        assertThat(jdbc.sql("SELECT score FROM household_score WHERE household_id = :id").param("id", sealed.id().toString())
                .query(BigDecimal.class).single()).isEqualByComparingTo("100");
    }

    @Test
    void anActivatedVersionIsAnnouncedAndEveryHouseholdIsRescoredUnderItOnce(PublishedEvents events) {
        Household household = HouseholdForms.poor(Pakistan.today(clock));
        HouseholdId id = households.register(household.owner(), household.form(), HouseholdForms.consent(), null).id();
        PmtModel generous = new PmtModel("test-generous", BigDecimal.TEN, Map.of(PmtFactor.HOUSEHOLD_SIZE, BigDecimal.ONE));
        scores.publish(generous);

        scores.activate("test-generous");

        assertThat(events.ofType(PmtModelActivated.class)).singleElement()
                .extracting(PmtModelActivated::modelVersion).isEqualTo("test-generous");
        assertThat(scores.activeModel().version()).isEqualTo("test-generous");
        List<PreparedScore> prepared = scores.prepare("test-generous", null, 10_000);
        assertThat(prepared).extracting(PreparedScore::household).contains(id);
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        Integer first = transactions.execute(status -> scores.store(prepared, "test-generous"));
        Integer again = transactions.execute(status -> scores.store(prepared, "test-generous"));
        assertThat(first).isEqualTo(prepared.size());
        assertThat(again).as("never twice").isZero();
        assertThat(scores.prepare("test-generous", null, 10_000)).isEmpty();
        assertThat(scores.progress("test-generous").complete()).isTrue();
        assertThat(scores.factsFor(Cnic.parse(household.member(0).cnic), "test-generous").orElseThrow().score())
                .isEqualByComparingTo("16");
        assertThat(scores.factsFor(Cnic.parse(household.member(0).cnic), "pmt-2025.1").orElseThrow().score())
                .as("the earlier version's score stays for programmes on it").isEqualByComparingTo("12.9");
        scores.rescoringFinished("test-generous");
        assertThat(events.ofType(HouseholdsRescored.class)).singleElement().isEqualTo(new HouseholdsRescored("test-generous"));
        scores.activate("pmt-2025.1");
    }

    /** A model scores circumstances and members: rescoring every household never opens their contact details. */
    @Test
    void rescoringDoesNotOpenAHouseholdsContactDetails() {
        Household poor = HouseholdForms.poor(Pakistan.today(clock));
        HouseholdId id = households.register(poor.owner(), poor.form(), HouseholdForms.consent(), null).id();
        scores.publish(new PmtModel("test-no-contact", BigDecimal.TEN, Map.of(PmtFactor.HOUSEHOLD_SIZE, BigDecimal.ONE)));
        jdbc.sql("UPDATE household SET contact_ct = :garbage WHERE id = :id").param("garbage", new byte[64])
                .param("id", id.toString()).update();

        assertThat(scores.prepare("test-no-contact", null, 10_000)).filteredOn(score -> score.household().equals(id))
                .as("scored although its contact details could not be opened").hasSize(1);
    }

    @Test
    void aScorePreparedBeforeACorrectionIsWorkedOutAgainFromTheCorrectedHousehold() {
        Household poor = HouseholdForms.poor(Pakistan.today(clock));
        HouseholdId id = households.register(poor.owner(), poor.form(), HouseholdForms.consent(), null).id();
        PmtModel incomes = new PmtModel("test-prepared", BigDecimal.TEN, Map.of(PmtFactor.INCOME_PER_CAPITA, BigDecimal.ONE));
        scores.publish(incomes);
        List<PreparedScore> prepared = scores.prepare("test-prepared", null, 10_000).stream()
                .filter(score -> score.household().equals(id)).toList();
        assertThat(prepared).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        FieldCorrection raise = new FieldCorrection("members[0].monthlyIncomePkr", "600000");
        corrections.apply(HouseholdManagementIntegrationTests.OFFICER, id, raise.field(), raise.value());

        Integer stored = new TransactionTemplate(transactionManager).execute(status -> scores.store(prepared, "test-prepared"));

        assertThat(stored).isOne();
        assertThat(jdbc.sql("SELECT score FROM household_score WHERE household_id = :id AND model_version = 'test-prepared'")
                .param("id", id.toString()).query(BigDecimal.class).single())
                .isEqualByComparingTo(incomes.score(raise.applyTo(poor.form()), Pakistan.today(clock)).score())
                .isNotEqualByComparingTo(prepared.get(0).score().score());
    }

    @Test
    void aChunkOfManyScoresIsStoredWhereverItsHouseholdsStandAndScoresOfNoHouseholdAreSkipped() {
        Household household = HouseholdForms.poor(Pakistan.today(clock));
        HouseholdId id = households.register(household.owner(), household.form(), HouseholdForms.consent(), null).id();
        scores.publish(new PmtModel("test-chunk", BigDecimal.TEN, Map.of(PmtFactor.HOUSEHOLD_SIZE, BigDecimal.ONE)));
        PreparedScore real = scores.prepare("test-chunk", null, 10_000).stream()
                .filter(score -> score.household().equals(id)).findFirst().orElseThrow();
        // The household comes last in the chunk but first in id order, the others being newer ids of no household.
        List<PreparedScore> chunk = new ArrayList<>();
        while (chunk.size() < 1_000) {
            chunk.add(new PreparedScore(new ScoreRow(HouseholdId.newId(), "test-chunk", BigDecimal.ONE, new byte[1],
                    clock.instant()), real.basedOn()));
        }
        chunk.add(real);

        Integer stored = new TransactionTemplate(transactionManager).execute(status -> scores.store(chunk, "test-chunk"));

        assertThat(stored).isOne();
        assertThat(jdbc.sql("SELECT score FROM household_score WHERE household_id = :id AND model_version = 'test-chunk'")
                .param("id", id.toString()).query(BigDecimal.class).single()).isEqualByComparingTo("16");
    }

    @Test
    void aHouseholdStoredAfterASwitchIsScoredUnderAnEarlierVersionWhenAskedUnderIt() {
        scores.publish(new PmtModel("test-later", BigDecimal.TEN, Map.of(PmtFactor.HOUSEHOLD_SIZE, BigDecimal.ONE)));
        scores.activate("test-later");
        try {
            Household poor = HouseholdForms.poor(Pakistan.today(clock));
            HouseholdId id = households.register(poor.owner(), poor.form(), HouseholdForms.consent(), null).id();

            assertThat(jdbc.sql("SELECT model_version FROM household_score WHERE household_id = :id")
                    .param("id", id.toString()).query(String.class).list()).containsExactly("test-later");
            assertThat(scores.factsFor(Cnic.parse(poor.member(0).cnic), "pmt-2025.1").orElseThrow().score())
                    .as("a programme still on the earlier version is not told 'not eligible' for want of a score")
                    .isEqualByComparingTo("12.9");
            assertThat(scores.factsOf(id, "pmt-2025.1").orElseThrow().score()).isEqualByComparingTo("12.9");
            assertThat(scores.factsOf(id, "never-published").orElseThrow().score()).isNull();
        }
        finally {
            scores.activate("pmt-2025.1");
        }
    }

    @Test
    void aCorrectionRescoresTheHouseholdUnderEveryVersionItHasAScoreUnder() {
        Household poor = HouseholdForms.poor(Pakistan.today(clock));
        HouseholdId id = households.register(poor.owner(), poor.form(), HouseholdForms.consent(), null).id();
        scores.publish(new PmtModel("test-corrected", BigDecimal.TEN, Map.of(PmtFactor.INCOME_PER_CAPITA, BigDecimal.ONE)));
        scores.activate("test-corrected");
        try {
            new TransactionTemplate(transactionManager).executeWithoutResult(
                    status -> scores.rescore(List.of(id), "test-corrected"));
            FieldCorrection raise = new FieldCorrection("members[0].monthlyIncomePkr", "600000");
            HouseholdForm corrected = raise.applyTo(poor.form());

            corrections.apply(HouseholdManagementIntegrationTests.OFFICER, id, raise.field(), raise.value());

            // A programme still on the earlier version must not answer from the household as it was.
            for (String version : List.of("pmt-2025.1", "test-corrected")) {
                BigDecimal expected = models.find(version).orElseThrow().score(corrected, Pakistan.today(clock)).score();
                assertThat(jdbc.sql("SELECT score FROM household_score WHERE household_id = :id AND model_version = :version")
                        .param("id", id.toString()).param("version", version).query(BigDecimal.class).single())
                        .as(version).isEqualByComparingTo(expected);
            }
            assertThat(scores.factsFor(Cnic.parse(poor.member(0).cnic), "pmt-2025.1").orElseThrow().score())
                    .isNotEqualByComparingTo("12.9");
        }
        finally {
            scores.activate("pmt-2025.1");
        }
    }

    @Test
    void versionsAreImmutableAndOnlyPublishedOnesCanBeActivated() {
        scores.publish(new PmtModel("test-once", BigDecimal.ONE, Map.of()));

        assertThatThrownBy(() -> scores.publish(new PmtModel("test-once", BigDecimal.TEN, Map.of())))
                .isInstanceOf(PmtModelConflictException.class);
        assertThat(scores.activate("never-published")).isFalse();
        assertThatThrownBy(() -> scores.publish(new PmtModel("bad version!", BigDecimal.ONE, Map.of())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(scores.activeModel().version()).isEqualTo("pmt-2025.1");
    }
}
