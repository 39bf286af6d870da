package pk.registry.sharing.dci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import pk.registry.keys.RegistryKeyring;
import pk.registry.kernel.Actor;
import pk.registry.kernel.Purpose;
import pk.registry.kernel.Role;
import pk.registry.sharing.Agreement;
import pk.registry.sharing.AgreementId;
import pk.registry.sharing.AgreementStatus;
import pk.registry.sharing.AnswerField;
import pk.registry.sharing.Verifications;
import pk.registry.sharing.dci.testing.DciMessages;
import pk.testsupport.TimedInputs;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Any bytes a partner sends to a DCI endpoint are read the way {@link DciGateway} reads them:
 * the envelope is opened ({@link Envelopes}: JSON object, header, agreement, signature, the
 * sender registered with the agreement, the registry as receiver) and its message read by every endpoint's reader (search
 * and subscribe entries, the txn-status question, the transaction id, the header's checks). The
 * only outcomes are a request read, an {@link EnvelopeRejectedException} with 400, 401 or 403
 * ({@code err.sender_id.invalid} or {@code err.receiver_id.invalid}), and per entry a question or one of the
 * standard's {@code rjct.*} rejections; nothing else is thrown, and each input is read in
 * seconds at most. Bodies are bounded as the service bounds every JSON body (1 MB), far above
 * the fuzzer's inputs. Replays {@code DciEnvelopeFuzzTestsInputs/} in every build;
 * {@code JAZZER_FUZZ=1} fuzzes it (README, "Fuzzing").
 */
class DciEnvelopeFuzzTests {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T05:15:30Z"), ZoneOffset.UTC);

    static final Duration PER_INPUT = Duration.ofSeconds(5);

    private static final TimedInputs TIMED = new TimedInputs(PER_INPUT);

    static final int MAX_BATCH = 100;

    static final DciProperties PROPERTIES = new DciProperties("pk.registry.social", MAX_BATCH, Duration.ofMinutes(5),
            Duration.ofMinutes(5), new DciProperties.Delivery(List.of(Duration.ofSeconds(10)), Duration.ofSeconds(1), 20,
                    Duration.ofMinutes(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofDays(7), Duration.ofDays(7)));

    /**
     * The key the signed agreement registers, under a fixed id so that the corpus can name it and
     * reach the verification itself; made afresh in each run, so no input carries a valid signature.
     */
    static final String PARTNER_JWKS = partnerJwks();

    static String partnerJwks() {
        try {
            return new JWKSet(new RSAKeyGenerator(2048).keyID("partner-key").generate().toPublicJWK()).toString();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static final Actor PARTNER = new Actor("partner", Role.PARTNER, Set.of(), "fuzz-agreement");

    /** One programme and one purpose, so that entries need not name them; no keys, so requests go unsigned. */
    static final Agreement UNSIGNED = agreement(Set.of("CASH"), Set.of(Purpose.ELIGIBILITY_ASSESSMENT), null);

    /** Two programmes and purposes, which entries must choose between, and a key that every request must be signed with. */
    static final Agreement SIGNED = agreement(Set.of("CASH", "BISP"),
            Set.of(Purpose.ELIGIBILITY_ASSESSMENT, Purpose.IDENTITY_VERIFICATION), PARTNER_JWKS);

    /** An agreement that registered the sender the corpus names ({@link DciMessages#SENDER}). */
    static Agreement agreement(Set<String> programmes, Set<Purpose> purposes, @Nullable String jwks) {
        return new Agreement(AgreementId.of("fuzz-agreement"), "Agency", AgreementStatus.ACTIVE, LocalDate.of(2025, 1, 1),
                LocalDate.of(2030, 1, 1), 100, programmes, purposes, EnumSet.of(AnswerField.ELIGIBLE), "PK", null, null,
                jwks, DciMessages.SENDER, Instant.EPOCH);
    }

    static Envelopes envelopes(Agreement agreement) {
        Verifications verifications = mock(Verifications.class, withSettings().stubOnly());
        given(verifications.agreementOf(any())).willReturn(agreement);
        MessageIds messageIds = mock(MessageIds.class, withSettings().stubOnly());
        given(messageIds.firstSending(any(), any())).willReturn(true);
        return new Envelopes(verifications,
                new Signatures(mock(RegistryKeyring.class, withSettings().stubOnly()), PROPERTIES, CLOCK), messageIds,
                PROPERTIES);
    }

    final Envelopes unsigned = envelopes(UNSIGNED);

    final Envelopes signed = envelopes(SIGNED);

    @FuzzTest(maxDuration = "5m")
    void anyBodyIsReadOrRejectedAsDocumented(byte[] body) throws Throwable {
        TIMED.run(() -> readAsTheGatewayDoes(unsigned, body));
    }

    /** The same under an agreement that requires signatures: whatever the signature, 401 or read. */
    @FuzzTest(maxDuration = "5m")
    void anySignedBodyIsReadOrRejectedAsDocumented(byte[] body) throws Throwable {
        TIMED.run(() -> readAsTheGatewayDoes(signed, body));
    }

    private static void readAsTheGatewayDoes(Envelopes envelopes, byte[] body) {
        InboundEnvelope envelope;
        try {
            envelope = envelopes.open(PARTNER, body);
        }
        catch (EnvelopeRejectedException rejected) {
            assertRejection(rejected, 400, 401, 403);
            if (rejected.reply().status() == 403) {
                assertThat(rejected.reply().body().path("errors").path(0).path("code").asString())
                        .isIn("err.sender_id.invalid", "err.receiver_id.invalid");
            }
            return;
        }
        ObjectNode message = envelope.message();
        rejectedOr(() -> envelope.transactionId(), id -> assertThat(id).isNotBlank().hasSizeLessThan(100));
        rejectedOr(() -> SearchRequestReader.entries(message), entries -> {
            assertVerdicts(entries, SearchRequestReader.read(envelope, entries));
            assertHeaderCheck(envelope, "search", entries);
        });
        rejectedOr(() -> SubscribeRequestReader.entries(message), entries -> {
            assertVerdicts(entries, SubscribeRequestReader.read(envelope, entries));
            assertHeaderCheck(envelope, "subscribe", entries);
        });
        rejectedOr(() -> TxnStatusQuery.read(message), query -> assertThat(query.values()).isNotEmpty().hasSizeLessThanOrEqualTo(100));
    }

    /** The reader either reads, or refuses the whole request with a 400 that is a well-formed reply. */
    private static <T> void rejectedOr(Supplier<T> read, Consumer<T> check) {
        T value;
        try {
            value = read.get();
        }
        catch (EnvelopeRejectedException rejected) {
            assertRejection(rejected, 400);
            return;
        }
        check.accept(value);
    }

    private static void assertRejection(EnvelopeRejectedException rejected, Integer... statuses) {
        assertThat(rejected.reply().status()).isIn((Object[]) statuses);
        assertThat(Json.text(rejected.reply().body())).isNotBlank();
    }

    private static void assertVerdicts(ArrayNode entries, List<ItemVerdict> verdicts) {
        assertThat(verdicts).hasSize(entries.size());
        for (int position = 0; position < verdicts.size(); position++) {
            ItemVerdict verdict = verdicts.get(position);
            assertThat(verdict.position()).isEqualTo(position);
            if (verdict instanceof ItemVerdict.Rejection rejection) {
                assertThat(rejection.reason().code()).startsWith("rjct.");
                assertThat(rejection.message()).isNotBlank();
            }
            else {
                ItemVerdict.Question question = (ItemVerdict.Question) verdict;
                assertThat(question.query().cnic().digits()).matches("[1-7]\\d{12}");
                assertThat(question.referenceId()).isNotBlank().hasSizeLessThan(100);
            }
        }
        SearchRequestReader.firstMalformed(verdicts, "entries").ifPresent(reason -> assertThat(reason).contains("rjct."));
    }

    private static void assertHeaderCheck(InboundEnvelope envelope, String action, ArrayNode entries) {
        envelope.header().check(action, entries.size(), MAX_BATCH)
                .ifPresent(rejection -> assertThat(rejection.reasonCode()).startsWith("rjct."));
    }

}
