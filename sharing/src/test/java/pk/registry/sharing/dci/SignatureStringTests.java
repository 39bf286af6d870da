package pk.registry.sharing.dci;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import pk.registry.sharing.dci.testing.DciMessages;
import tools.jackson.databind.node.ObjectNode;

/** The standard's signature string and the digest it covers. */
class SignatureStringTests {

    @Test
    void theStringFormReadsBackAsWritten() {
        SignatureString signature = new SignatureString("spmis.example.org", "key-1", "rsa-sha256", 1_700_000_000L,
                1_700_000_300L, SignatureString.HEADERS, "c2lnbmF0dXJl");

        String text = signature.format();

        assertThat(text).isEqualTo("Signature: namespace=\"dci\", kidId=\"spmis.example.org|key-1|rsa-sha256\", "
                + "algorithm=\"rsa-sha256\", created=\"1700000000\", expires=\"1700000300\", "
                + "headers=\"(created) (expires) digest\", signature=\"c2lnbmF0dXJl\"");
        assertThat(SignatureString.parse(text)).hasValue(signature);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "unsigned-stub", "invalid-signature", "eyJhbGciOiJSUzI1NiJ9.", "!@#$%^&*()",
            "Signature: kidId=\"a|b|rsa-sha256\", algorithm=\"rsa-sha256\", created=\"x\", expires=\"1\", headers=\"h\", signature=\"s\"",
            "Signature: kidId=\"a|b\", algorithm=\"rsa-sha256\", created=\"1\", expires=\"1\", headers=\"h\", signature=\"s\"",
            "Signature: kidId=\"a|b|rsa-sha256\", algorithm=\"rsa-sha256\", created=\"١٧٠٠\", expires=\"1\", headers=\"h\", signature=\"s\"",
            "Signature: kidId=\"a|b|rsa-sha256\", algorithm=\"rsa-sha256\", created=\"1\", expires=\"+2\", headers=\"h\", signature=\"s\"",
            "Signature: kidId=\"a|b|rsa-sha256\", algorithm=\"rsa-sha256\", created=\"-1\", expires=\"2\", headers=\"h\", signature=\"s\"" })
    void anythingElseIsNoSignature(String text) {
        assertThat(SignatureString.parse(text)).isEmpty();
    }

    @Test
    void theSigningStringCoversTheTimesAndTheDigest() {
        assertThat(SignatureString.signingString(1, 2, "abc=")).isEqualTo("(created): 1\n(expires): 2\ndigest: SHA-256=abc=");
    }

    @Test
    void theDigestIsOfTheCanonicalFormSoKeyOrderAndSpacingDoNotMatter() {
        ObjectNode header = DciMessages.JSON.createObjectNode().put("b", 2).put("a", "x");
        ObjectNode reordered = DciMessages.JSON.createObjectNode().put("a", "x").put("b", 2.0);
        ObjectNode message = DciMessages.JSON.createObjectNode().put("transaction_id", "t");

        assertThat(CanonicalDigest.of(header, message)).isEqualTo(CanonicalDigest.of(reordered, message))
                .isNotEqualTo(CanonicalDigest.of(header, DciMessages.JSON.createObjectNode().put("transaction_id", "u")));
    }
}
