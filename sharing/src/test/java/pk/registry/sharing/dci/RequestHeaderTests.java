package pk.registry.sharing.dci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import pk.registry.sharing.dci.testing.DciMessages;
import tools.jackson.databind.node.ObjectNode;

/** A request's header: read strictly, and refused with the standard's header reason codes. */
class RequestHeaderTests {

    @Test
    void aCompleteHeaderIsReadWithItsProgramme() {
        ObjectNode node = DciMessages.header("search", 2).put("sender_uri", "https://spmis.example.org/registry/on-search");
        node.putObject("meta").put("programme", "CASH_TRANSFER");

        RequestHeader header = RequestHeader.read(node);

        assertThat(header.senderId()).isEqualTo(DciMessages.SENDER);
        assertThat(header.senderUri()).isEqualTo("https://spmis.example.org/registry/on-search");
        assertThat(header.programme()).isEqualTo("CASH_TRANSFER");
        assertThat(header.check("search", 2, 100)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "message_id", "message_ts", "action", "sender_id", "total_count" })
    void aMissingRequiredFieldIsABadRequest(String field) {
        ObjectNode node = DciMessages.header("search", 1);
        node.remove(field);

        assertThatThrownBy(() -> RequestHeader.read(node)).isInstanceOfSatisfying(EnvelopeRejectedException.class,
                ex -> assertThat(ex.reply().status()).isEqualTo(400));
    }

    @Test
    void fieldsOfTheWrongTypeAreABadRequest() {
        assertThatThrownBy(() -> RequestHeader.read(DciMessages.header("search", 1).put("total_count", "1")))
                .isInstanceOf(EnvelopeRejectedException.class);
        assertThatThrownBy(() -> RequestHeader.read(DciMessages.header("search", 1).put("sender_id", 7)))
                .isInstanceOf(EnvelopeRejectedException.class);
        assertThatThrownBy(() -> RequestHeader.read(DciMessages.header("search", 1).put("is_msg_encrypted", true)))
                .isInstanceOf(EnvelopeRejectedException.class);
    }

    @Test
    void theHeaderRefusesWithTheStandardsReasonCodes() {
        assertThat(RequestHeader.read(DciMessages.header("search", 1).put("version", "2.0.0")).check("search", 1, 100))
                .hasValueSatisfying(rejection -> assertThat(rejection.reasonCode()).isEqualTo("rjct.version.invalid"));
        assertThat(RequestHeader.read(DciMessages.header("subscribe", 1)).check("search", 1, 100))
                .hasValueSatisfying(rejection -> assertThat(rejection.reasonCode()).isEqualTo("rjct.action.invalid"));
        assertThat(RequestHeader.read(DciMessages.header("search", 1).put("message_ts", "2025-06-01T10:15:30"))
                .check("search", 1, 100))
                .hasValueSatisfying(rejection -> assertThat(rejection.reasonCode()).isEqualTo("rjct.message_ts.invalid"));
        assertThat(RequestHeader.read(DciMessages.header("search", 101)).check("search", 101, 100))
                .hasValueSatisfying(rejection -> assertThat(rejection.reasonCode()).isEqualTo("rjct.total_count.limit_exceeded"));
        assertThat(RequestHeader.read(DciMessages.header("search", 3)).check("search", 2, 100))
                .hasValueSatisfying(rejection -> assertThat(rejection.reasonCode()).isEqualTo("rjct.total_count.invalid"));
    }

    @Test
    void timesNeedTheirZone() {
        assertThat(Json.isTimestamp("2025-06-01T10:15:30Z")).isTrue();
        assertThat(Json.isTimestamp("2025-06-01T10:15:30.123+05:00")).isTrue();
        assertThat(Json.isTimestamp("2025-06-01t10:15:30z")).isTrue();
        assertThat(Json.isTimestamp("2025-06-01T10:15:30")).isFalse();
        assertThat(Json.isTimestamp("2025-02-30T10:15:30Z")).isFalse();
        assertThat(Json.isTimestamp("not-a-timestamp")).isFalse();
        assertThat(Json.isTimestamp(null)).isFalse();
    }
}
