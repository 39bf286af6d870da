-- The message ids DCI partners sent (sharing module). The standard's header.message_id is a
-- "unique message id" and rjct.message_id.duplicate its answer to one sent again: a request that a
-- partner's gateway retried, or that someone who captured it replays, is not answered, disclosed and
-- logged twice. Kept as a keyed blind index of the agreement and the id (the partner chooses the id, a
-- CNIC too), never the text, and removed with the other DCI records (retention category dciRecords).
CREATE TABLE dci_message (
    agreement_id   VARCHAR(60)  NOT NULL,
    message_token  RAW(32)      NOT NULL,
    received_at    TIMESTAMP    NOT NULL,
    CONSTRAINT dci_message_pk PRIMARY KEY (agreement_id, message_token),
    CONSTRAINT dci_message_agreement_fk FOREIGN KEY (agreement_id) REFERENCES agreement (id)
);
CREATE INDEX dci_message_received_idx ON dci_message (received_at);
