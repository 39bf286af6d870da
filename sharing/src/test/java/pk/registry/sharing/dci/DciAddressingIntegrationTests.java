package pk.registry.sharing.dci;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import pk.registry.kernel.Actor;
import pk.registry.sharing.Agreement;
import pk.registry.sharing.dci.testing.DciMessages;
import pk.registry.sharing.dci.testing.DciSpec;
import pk.registry.sharing.dci.testing.PartnerSigner;
import pk.testsupport.RegistryModuleTest;
import tools.jackson.databind.node.ObjectNode;

/**
 * A DCI request's {@code header.sender_id} must be the DCI sender id registered with the caller's
 * agreement (the standard: "registered with the receiving system ... used for authorization"). At
 * every endpoint, another id, or any id under an agreement that registered none, is a 403
 * {@code err.sender_id.invalid} in the standard's HTTP error shape, that does not repeat the id,
 * before anything is answered, disclosed or recorded; the registered id is answered as before.
 * Likewise its {@code receiver_id}, optional in the standard, must be the registry's own id when
 * given: a message addressed to another system is a 403 {@code err.receiver_id.invalid}.
 * Callbacks are queued to an unused loopback port and never delivered here.
 */
@RegistryModuleTest
class DciAddressingIntegrationTests extends EligibleHouseholdTests {

    /** Another agency's id, as a partner might copy it. */
    static final String OTHERS = "district-welfare.example.org";

    /** The registry's DCI id in the module tests (the default of {@code registry.dci.registry-id}). */
    static final String REGISTRY = "pk.registry.social";

    @Test
    void anotherSenderIdIsRefusedAtEveryEndpointBeforeAnythingIsAnsweredOrRecorded() {
        Agreement agreement = agreement(DciMessages.SENDER);
        Actor partner = DciFixtures.partner(agreement);

        requests(OTHERS).forEach((path, request) -> assertRefused(path, send(path, partner, request), OTHERS));

        assertNothingRecorded(agreement);
        requests(DciMessages.SENDER).forEach((path, request) -> assertThat(send(path, partner, request).status())
                .as("the registered id at %s", path).isIn(200, 202));
        assertThat(disclosures(agreement)).as("control: the registered id is answered").isEqualTo(2);
        assertThat(transactions(agreement)).as("control: and its requests recorded").isEqualTo(5);
    }

    @Test
    void anAgreementThatRegisteredNoSenderIdAnswersNoDciRequest() {
        Agreement agreement = agreement(null);
        Actor partner = DciFixtures.partner(agreement);

        requests(DciMessages.SENDER).forEach((path, request) -> assertRefused(path, send(path, partner, request),
                DciMessages.SENDER));

        assertNothingRecorded(agreement);
    }

    @Test
    void theSenderIdIsComparedExactly() {
        Actor partner = DciFixtures.partner(agreement(DciMessages.SENDER));

        for (String near : new String[] { DciMessages.SENDER.toUpperCase(), DciMessages.SENDER + " ", " " + DciMessages.SENDER,
                DciMessages.SENDER + ".", "spmis.example" }) {
            assertRefused("/registry/sync/search", send("/registry/sync/search", partner, search(near)), near.trim());
        }
    }

    @Test
    void aSignedRequestNamingAnotherAgencysRegisteredIdIsRefused() {
        Agreement others = agreement(OTHERS);
        PartnerSigner impostor = new PartnerSigner(OTHERS);
        Agreement agreement = DciFixtures.draft(programme.code(), today()).with(draft -> {
            draft.dciSenderId = DciMessages.SENDER;
            draft.jwks = impostor.publicJwks();
        }).save(partners);
        Actor partner = DciFixtures.partner(agreement);

        ObjectNode asTheOther = impostor.sign(search(OTHERS), clock.instant());
        DciReply refused = send("/registry/sync/search", partner, asTheOther);

        assertRefused("/registry/sync/search", refused, OTHERS);
        assertNothingRecorded(agreement);
        assertNothingRecorded(others);
        PartnerSigner own = new PartnerSigner(DciMessages.SENDER);
        Agreement signed = DciFixtures.draft(programme.code(), today()).with(draft -> draft.jwks = own.publicJwks())
                .save(partners);
        assertThat(send("/registry/sync/search", DciFixtures.partner(signed), own.sign(search(DciMessages.SENDER),
                clock.instant())).status()).as("control: signed under the registered id").isEqualTo(200);
    }

    @Test
    void aMessageAddressedToAnotherSystemIsRefusedAtEveryEndpointBeforeAnythingIsAnsweredOrRecorded() {
        Agreement agreement = agreement(DciMessages.SENDER);
        Actor partner = DciFixtures.partner(agreement);

        for (String other : new String[] { "crvs.example.org", REGISTRY.toUpperCase(), REGISTRY + " ", "" }) {
            requests(DciMessages.SENDER).forEach((path, request) -> {
                DciReply refused = send(path, partner, to(other, request));
                assertThat(refused.status()).as(path).isEqualTo(403);
                assertThat(refused.body().get("errors").get(0).get("code").asString()).as(path)
                        .isEqualTo("err.receiver_id.invalid");
                assertThat(refused.json()).as("names the registry's id, not the one sent").contains(REGISTRY)
                        .doesNotContain("crvs.example");
                DciSpec.get().assertValidResponse(path, 403, refused.json());
            });
        }

        assertNothingRecorded(agreement);
    }

    @Test
    void aMessageAddressedToTheRegistryOrToNoOneInParticularIsAnswered() {
        Agreement agreement = agreement(DciMessages.SENDER);
        Actor partner = DciFixtures.partner(agreement);

        requests(DciMessages.SENDER).forEach((path, request) -> assertThat(send(path, partner, to(REGISTRY, request))
                .status()).as("addressed to the registry at %s", path).isIn(200, 202));
        requests(DciMessages.SENDER).forEach((path, request) -> {
            ((ObjectNode) request.get("header")).remove("receiver_id");
            assertThat(send(path, partner, request).status()).as("addressed to no one at %s", path).isIn(200, 202);
        });
        assertThat(disclosures(agreement)).isEqualTo(4);
    }

    private static ObjectNode to(String receiver, ObjectNode request) {
        ((ObjectNode) request.get("header")).put("receiver_id", receiver);
        return request;
    }

    /** An agreement with a callback base URL (on a port nothing listens to), so that async requests would be queued. */
    private Agreement agreement(@Nullable String dciSenderId) {
        return DciFixtures.draft(programme.code(), today()).with(draft -> {
            draft.dciSenderId = dciSenderId;
            draft.callbackBaseUrl = URI.create("http://127.0.0.1:9/dci");
        }).save(partners);
    }

    /** One request to each endpoint, under this sender id: the searches ask about the household. */
    private Map<String, ObjectNode> requests(String sender) {
        Map<String, ObjectNode> requests = new LinkedHashMap<>();
        requests.put("/registry/sync/search", search(sender));
        requests.put("/registry/search", search(sender));
        requests.put("/registry/sync/txn/status", from(sender, DciMessages.txnStatus("transaction_id",
                DciMessages.JSON.getNodeFactory().stringNode(DciMessages.newId()))));
        requests.put("/registry/txn/status", from(sender, DciMessages.txnStatus("transaction_id",
                DciMessages.JSON.getNodeFactory().stringNode(DciMessages.newId()))));
        requests.put("/registry/subscribe", from(sender, DciMessages.subscribe(DciMessages.subscribeEntry("follow",
                household.cnics().get(0)))));
        requests.put("/registry/unsubscribe", from(sender, DciMessages.unsubscribe("sub-test-001")));
        return requests;
    }

    private ObjectNode search(String sender) {
        return from(sender, DciMessages.search(DciMessages.searchEntry("head", "CNIC", household.cnics().get(0))));
    }

    private static ObjectNode from(String sender, ObjectNode request) {
        ((ObjectNode) request.get("header")).put("sender_id", sender);
        return request;
    }

    private DciReply send(String path, Actor partner, ObjectNode request) {
        return DciFixtures.send(gateway, path, partner, request);
    }

    private static void assertRefused(String path, DciReply reply, String sent) {
        assertThat(reply.status()).as(path).isEqualTo(403);
        assertThat(reply.body().get("errors").get(0).get("code").asString()).as(path).isEqualTo("err.sender_id.invalid");
        assertThat(reply.json()).as("the id sent is not repeated").doesNotContain(sent);
        DciSpec.get().assertValidResponse(path, 403, reply.json());
    }

    private void assertNothingRecorded(Agreement agreement) {
        assertThat(disclosures(agreement)).as("disclosed").isZero();
        assertThat(transactions(agreement)).as("recorded").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dci_subscription WHERE agreement_id = :agreement")
                .param("agreement", agreement.id().value()).query(Long.class).single()).as("subscribed").isZero();
    }

    private long disclosures(Agreement agreement) {
        return jdbc.sql("SELECT COUNT(*) FROM disclosure WHERE agreement_id = :agreement")
                .param("agreement", agreement.id().value()).query(Long.class).single();
    }

    private long transactions(Agreement agreement) {
        return jdbc.sql("SELECT COUNT(*) FROM dci_transaction WHERE agreement_id = :agreement")
                .param("agreement", agreement.id().value()).query(Long.class).single();
    }
}
