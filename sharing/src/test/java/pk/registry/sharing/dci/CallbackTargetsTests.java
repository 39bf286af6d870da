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
import pk.registry.sharing.dci.testing.DciMessages;

/** Callbacks go under the agreement's registered base URL only, whatever URL a request names. */
class CallbackTargetsTests {

    static Agreement withBase(@Nullable String base) {
        return new Agreement(AgreementId.of("targets"), "Agency", AgreementStatus.ACTIVE, LocalDate.of(2025, 1, 1),
                LocalDate.of(2030, 1, 1), 100, Set.of("CASH"), Set.of(Purpose.ELIGIBILITY_ASSESSMENT),
                EnumSet.of(AnswerField.ELIGIBLE), "PK", null, base == null ? null : URI.create(base), null,
                DciMessages.SENDER, Instant.EPOCH);
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

    /** Paths that read as under the base here but lead out of it once the partner's server decodes them. */
    @ParameterizedTest
    @ValueSource(strings = { "https://spmis.example.org/dci/%2e%2e/admin", "https://spmis.example.org/dci/%2E%2e/admin",
            "https://spmis.example.org/dci/.%2e/admin", "https://spmis.example.org/dci/%2e./admin",
            "https://spmis.example.org/dci/%2e/on-search", "https://spmis.example.org/dci/..%2fadmin",
            "https://spmis.example.org/dci/x%2f..%2f..%2fadmin", "https://spmis.example.org/dci/x%2F..%2F..%2Fadmin",
            "https://spmis.example.org/dci/..%5cadmin", "https://spmis.example.org/dci/x%5C..%5C..%5Cadmin",
            "https://spmis.example.org/dci/%252e%252e/admin", "https://spmis.example.org/dci/%c0%ae%c0%ae/admin",
            "https://spmis.example.org/dci/..;/admin", "https://spmis.example.org/dci\\..\\admin",
            "https://spmis.example.org/dci/on-search\\..\\..\\admin" })
    void aSenderUriThatLeavesTheBaseOnceDecodedIsIgnored(String senderUri) {
        assertThat(CallbackTargets.resolve(withBase("https://spmis.example.org/dci"), senderUri, "/registry/on-search"))
                .hasValue(URI.create("https://spmis.example.org/dci/registry/on-search"));
        assertThat(CallbackTargets.under(URI.create("https://spmis.example.org/dci"),
                URI.create(senderUri.replace("\\", "%5C")))).isFalse();
    }

    @Test
    void aSenderUriWithOtherEscapesUnderTheBaseIsHonoured() {
        assertThat(CallbackTargets.resolve(withBase("https://spmis.example.org/dci"),
                "https://spmis.example.org/dci/callbacks/%D8%A7/on%20search?x=%2e%2e%2f", "/registry/on-search"))
                .hasValue(URI.create("https://spmis.example.org/dci/callbacks/%D8%A7/on%20search?x=%2e%2e%2f"));
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
