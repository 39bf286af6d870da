package pk.registry.sharing.dci;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import pk.registry.keys.BlindIndex;
import pk.registry.sharing.AgreementId;

/**
 * The {@code message_id}s each agreement has sent, as keyed tokens of the agreement and the id
 * (never the text), kept as long as the other DCI records ({@link DciRecordRetention}).
 */
@Component
class MessageIds {

    private final JdbcClient jdbc;
    private final BlindIndex blindIndex;
    private final Clock clock;

    MessageIds(JdbcClient jdbc, BlindIndex blindIndex, Clock clock) {
        this.jdbc = jdbc;
        this.blindIndex = blindIndex;
        this.clock = clock;
    }

    /**
     * Records the message id as sent by the agreement, in the caller's transaction: a request that
     * fails and rolls back leaves it unsent, to be sent again.
     *
     * @return false if the agreement sent it before, or a request with it is being answered now
     *         (its row is locked until that one ends)
     */
    boolean firstSending(AgreementId agreement, String messageId) {
        try {
            jdbc.sql("INSERT INTO dci_message (agreement_id, message_token, received_at) VALUES (:agreement, :token, :at)")
                    .param("agreement", agreement.value())
                    .param("token", blindIndex.bytesOf(BlindIndex.Domain.DCI_MESSAGE_ID, agreement.value() + "|" + messageId))
                    .param("at", Timestamp.from(clock.instant()))
                    .update();
            return true;
        }
        catch (DuplicateKeyException | PessimisticLockingFailureException sentBefore) {
            return false;
        }
    }
}
