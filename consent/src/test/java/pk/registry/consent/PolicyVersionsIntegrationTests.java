package pk.registry.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pk.registry.consent.PolicyVersions.PolicyConflictException;
import pk.registry.consent.PolicyVersions.PolicyRejectedException;
import pk.registry.consent.PolicyVersions.PolicyVersion;
import pk.registry.consent.PolicyVersions.Publication;
import pk.registry.kernel.Pakistan;
import pk.registry.kernel.Purpose;
import pk.testsupport.RegistryModuleTest;
import pk.testsupport.TestClock;

/**
 * Publishing privacy-policy versions: every required purpose, never for the past, never
 * changed once published, each after the one before; a version is in force from its date
 * until the next one's. Dates are chosen after whatever this database holds already, so the
 * tests do not depend on each other's order.
 */
@RegistryModuleTest
class PolicyVersionsIntegrationTests {

    private static final AtomicInteger SERIAL = new AtomicInteger();
    private static final Set<Purpose> ALL = EnumSet.allOf(Purpose.class);

    @Autowired
    PolicyVersions policies;

    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aVersionWithoutTheRequiredPurposesAndEffectiveInThePastIsRefusedOnBothFields() {
        String version = newVersion();

        assertThatThrownBy(() -> policies.publish(new Publication(version, today().minusDays(1), "Policy",
                Set.of(Purpose.IDENTITY_VERIFICATION, Purpose.COMMUNICATION))))
                .isInstanceOfSatisfying(PolicyRejectedException.class, refused -> assertThat(refused.problems())
                        .extracting(ConsentProblem::field, ConsentProblem::code)
                        .containsExactlyInAnyOrder(tuple("purposes", "RequiredPurposeMissing"),
                                tuple("effectiveFrom", "NotInThePast")));
        assertThat(policies.find(version)).isEmpty();
    }

    @Test
    void eachRequiredPurposeMissingIsAProblemOfItsOwnAndTodayIsNotThePast() {
        String version = newVersion();

        assertThatThrownBy(() -> policies.publish(new Publication(version, today(), "Policy", Set.of(Purpose.COMMUNICATION))))
                .isInstanceOfSatisfying(PolicyRejectedException.class, refused -> {
                    assertThat(refused.problems()).extracting(ConsentProblem::field, ConsentProblem::code)
                            .containsExactly(tuple("purposes", "RequiredPurposeMissing"),
                                    tuple("purposes", "RequiredPurposeMissing"));
                    assertThat(refused.problems()).extracting(ConsentProblem::message).satisfiesExactly(
                            message -> assertThat(message).contains("IDENTITY_VERIFICATION"),
                            message -> assertThat(message).contains("ELIGIBILITY_ASSESSMENT"));
                });
        assertThat(policies.find(version)).isEmpty();
    }

    @Test
    void aVersionEffectiveYesterdayIsRefused() {
        String version = newVersion();

        assertThatThrownBy(() -> policies.publish(new Publication(version, today().minusDays(1), "Policy", ALL)))
                .isInstanceOfSatisfying(PolicyRejectedException.class, refused -> assertThat(refused.problems())
                        .extracting(ConsentProblem::field, ConsentProblem::code)
                        .containsExactly(tuple("effectiveFrom", "NotInThePast")));
        assertThat(policies.find(version)).isEmpty();
    }

    @Test
    void aPublishedVersionNeverChanges() throws Exception {
        String version = newVersion();
        PolicyVersion published = policies.publish(new Publication(version, afterTheLatest(), "Policy " + version, ALL));

        assertThatThrownBy(() -> policies.publish(new Publication(version, published.effectiveFrom().plusDays(1),
                "Changed policy", ALL))).isInstanceOf(PolicyConflictException.class).hasMessageContaining("immutable");
        assertThatThrownBy(() -> policies.publish(new Publication(version, published.effectiveFrom(), "Changed policy", ALL)))
                .isInstanceOf(PolicyConflictException.class).hasMessageContaining("immutable");
        assertThat(policies.find(version)).hasValue(published);
        assertThat(published.textSha256()).isEqualTo(sha256("Policy " + version));
    }

    @Test
    void aNewVersionMustTakeEffectAfterTheLatest() {
        PolicyVersion latest = policies.publish(new Publication(newVersion(), afterTheLatest(), "Policy", ALL));
        String version = newVersion();

        assertThatThrownBy(() -> policies.publish(new Publication(version, latest.effectiveFrom(), "Policy", ALL)))
                .isInstanceOf(PolicyConflictException.class).hasMessageContaining("after " + latest.effectiveFrom());
        assertThatThrownBy(() -> policies.publish(new Publication(version, latest.effectiveFrom().minusDays(1), "Policy", ALL)))
                .isInstanceOf(PolicyConflictException.class);
        assertThat(policies.find(version)).isEmpty();
    }

    @Test
    void aFutureVersionIsInForceFromItsDateAndEndsTheOneBefore() {
        PolicyVersion before = latest();
        String inForce = policies.current().orElseThrow().version();
        LocalDate from = afterTheLatest();
        String version = newVersion();

        PolicyVersion published = policies.publish(new Publication(version, from, "Policy " + version,
                Set.of(Purpose.IDENTITY_VERIFICATION, Purpose.ELIGIBILITY_ASSESSMENT, Purpose.COMMUNICATION)));

        assertThat(published.effectiveFrom()).isEqualTo(from);
        assertThat(published.effectiveUntil()).isNull();
        assertThat(published.purposes()).containsExactlyInAnyOrder(Purpose.IDENTITY_VERIFICATION,
                Purpose.ELIGIBILITY_ASSESSMENT, Purpose.COMMUNICATION);
        assertThat(policies.find(before.version()).orElseThrow().effectiveUntil()).isEqualTo(from);
        assertThat(policies.all()).last().isEqualTo(published);
        assertThat(policies.current()).as("not yet").map(PolicyVersion::version).hasValue(inForce);

        clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(today(), from) - 1));
        assertThat(policies.current()).as("the day before").map(PolicyVersion::version).hasValue(before.version());

        clock.advance(Duration.ofDays(1));
        assertThat(policies.current()).as("from its date").map(PolicyVersion::version).hasValue(version);
    }

    private LocalDate today() {
        return Pakistan.today(clock);
    }

    /** A month after today or after the latest version's date, whichever is later. */
    private LocalDate afterTheLatest() {
        LocalDate latest = latest().effectiveFrom();
        return (latest.isAfter(today()) ? latest : today()).plusDays(30);
    }

    private PolicyVersion latest() {
        List<PolicyVersion> all = policies.all();
        return all.get(all.size() - 1);
    }

    private static String newVersion() {
        return "test-" + SERIAL.incrementAndGet();
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
