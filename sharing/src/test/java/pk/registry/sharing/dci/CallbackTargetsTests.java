package pk.registry.sharing.dci;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import pk.registry.kernel.Purpose;
import pk.registry.sharing.Agreement;
import pk.registry.sharing.AgreementId;
import pk.registry.sharing.AgreementStatus;
import pk.registry.sharing.AnswerField;

/** Callbacks go under the agreement's registered base URL only, whatever URL a request names. */
class CallbackTargetsTests {

    static Agreement withBase(@Nullable String base) {
        return new Agreement(AgreementId.of("targets"), "Agency", AgreementStatus.ACTIVE, LocalDate.of(2025, 1, 1),
                LocalDate.of(2030, 1, 1), 100, Set.of("CASH"), Set.of(Purpose.ELIGIBILITY_ASSESSMENT),
                EnumSet.of(AnswerField.ELIGIBLE), "PK", null, base == null ? null : URI.create(base), null, Instant.EPOCH);
    }

    @Test
    void withoutASenderUriTheStandardPathUnderTheBaseIsCalled() {
        assertThat(CallbackTargets.resolve(withBase("https://spmis.example.org/dci/"), null, "/registry/on-search"))
                .hasValue(URI.create("https://spmis.example.org/dci/registry/on-search"));
        assertThat(CallbackTargets.resolve(withBase("https://spmis.example.org"), null, "/registry/notify"))
                .hasValue(URI.create("https://spmis.example.org/registry/notify"));
    }

    @Test
    void aSenderUriUnderTheBaseIsHonoured() {
        assertThat(CallbackTargets.resolve(withBase("https://spmis.example.org/dci"),
                "https://SPMIS.example.org:443/dci/callbacks/on-search", "/registry/on-search"))
                .hasValue(URI.create("https://SPMIS.example.org:443/dci/callbacks/on-search"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://attacker.example.net/dci/registry/on-search", "http://spmis.example.org/dci/on-search",
            "https://spmis.example.org:8443/dci/on-search", "https://spmis.example.org/other/on-search",
            "https://spmis.example.org/dcix/on-search", "https://spmis.example.org/dci/../admin",
            "https://user@spmis.example.org/dci/on-search", "https://spmis.example.org.attacker.net/dci/on-search",
            "http://169.254.169.254/latest/meta-data", "/dci/on-search", "not a url" })
    void anyOtherUrlIsIgnoredForTheRegisteredOne(String senderUri) {
        assertThat(CallbackTargets.resolve(withBase("https://spmis.example.org/dci"), senderUri, "/registry/on-search"))
                .hasValue(URI.create("https://spmis.example.org/dci/registry/on-search"));
    }

    @Test
    void withoutARegisteredBaseThereIsNoTargetAtAll() {
        assertThat(CallbackTargets.resolve(withBase(null), "https://spmis.example.org/registry/on-search",
                "/registry/on-search")).isEmpty();
    }

    @Test
    void aTargetMustStillLieUnderTheBaseWhenItIsSent() {
        URI target = URI.create("https://spmis.example.org/dci/registry/on-search");

        assertThat(CallbackTargets.stillRegistered(withBase("https://spmis.example.org/dci"), target)).isTrue();
        assertThat(CallbackTargets.stillRegistered(withBase("https://spmis.example.org/new"), target)).isFalse();
        assertThat(CallbackTargets.stillRegistered(withBase(null), target)).isFalse();
    }
}
