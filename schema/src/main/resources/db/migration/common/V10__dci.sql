-- The DCI Social Registry API (sharing module): partners' requests, the callbacks that answer the
-- asynchronous ones, and subscriptions. No CNIC is stored here: an answer is computed when its request
-- arrives and is kept only sealed (AEAD under the master key, the correlation id as associated data)
-- until it is delivered; a subscription names the household by its pseudonymous id and keeps the
-- CNIC's masked form only. Lengths are in bytes on Oracle: identifiers of at most 99 characters get 400.

-- Every DCI request of a partner (and every notification the registry sends it), under the
-- correlation id the registry gave it. status: pdng while its callback is pending or retried, succ
-- once answered (and delivered), rjct with a reason when it could not be delivered.
CREATE TABLE dci_transaction (
    correlation_id  VARCHAR(36)   NOT NULL PRIMARY KEY,
    agreement_id    VARCHAR(60)   NOT NULL,
    transaction_id  VARCHAR(400)  NOT NULL,
    txn_type        VARCHAR(20)   NOT NULL,
    status          VARCHAR(4)    NOT NULL,
    status_reason   VARCHAR(200),
    created_at      TIMESTAMP     NOT NULL,
    updated_at      TIMESTAMP     NOT NULL,
    CONSTRAINT dci_transaction_agreement_fk FOREIGN KEY (agreement_id) REFERENCES agreement (id),
    CONSTRAINT dci_transaction_status_ck CHECK (status IN ('pdng', 'succ', 'rjct'))
);
CREATE INDEX dci_transaction_lookup_idx ON dci_transaction (agreement_id, transaction_id, created_at);

-- Each item's outcome, which a status request reports once the answer itself is gone: the
-- partner's reference id, succ or rjct, the DCI reason code. Nothing about the person.
CREATE TABLE dci_reference (
    correlation_id  VARCHAR(36)   NOT NULL,
    item_no         NUMBER(4)     NOT NULL,
    reference_id    VARCHAR(400)  NOT NULL,
    status          VARCHAR(4)    NOT NULL,
    reason_code     VARCHAR(40),
    CONSTRAINT dci_reference_pk PRIMARY KEY (correlation_id, item_no),
    CONSTRAINT dci_reference_transaction_fk FOREIGN KEY (correlation_id) REFERENCES dci_transaction (correlation_id)
);
CREATE INDEX dci_reference_idx ON dci_reference (reference_id);

-- Callbacks (on-search, on-subscribe, on-unsubscribe, txn-on-status, notify) to a URL under the
-- agreement's registered callback base URL. A node claims a due row (claimed_until) before it
-- sends, so that several nodes never send the same callback at once; a failed attempt is retried
-- at next_attempt_at. The sealed envelope is dropped once delivered; an undelivered one is kept
-- for the partner's status requests until the retention ends.
CREATE TABLE dci_delivery (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    correlation_id   VARCHAR(36)   NOT NULL,
    agreement_id     VARCHAR(60)   NOT NULL,
    action           VARCHAR(20)   NOT NULL,
    target_url       VARCHAR(600)  NOT NULL,
    sealed_envelope  BLOB,
    status           VARCHAR(10)   NOT NULL,
    attempts         NUMBER(3)     NOT NULL,
    next_attempt_at  TIMESTAMP     NOT NULL,
    claimed_by       VARCHAR(36),
    claimed_until    TIMESTAMP,
    last_error       VARCHAR(200),
    created_at       TIMESTAMP     NOT NULL,
    updated_at       TIMESTAMP     NOT NULL,
    CONSTRAINT dci_delivery_transaction_fk FOREIGN KEY (correlation_id) REFERENCES dci_transaction (correlation_id),
    CONSTRAINT dci_delivery_status_ck CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED'))
);
CREATE INDEX dci_delivery_due_idx ON dci_delivery (status, next_attempt_at);
CREATE INDEX dci_delivery_transaction_idx ON dci_delivery (correlation_id);

-- A partner follows the answer about a person it was answered about before: the household (by its
-- pseudonymous id), the programme and purpose, the masked CNIC for notifications, and the
-- eligibility it was last told. active_key is set while the subscription is active and unique, so
-- that an agreement follows a household for a programme and purpose once; NULL once it ended.
CREATE TABLE dci_subscription (
    code            VARCHAR(36)   NOT NULL PRIMARY KEY,
    agreement_id    VARCHAR(60)   NOT NULL,
    household_id    VARCHAR(36)   NOT NULL,
    programme       VARCHAR(40)   NOT NULL,
    purpose         VARCHAR(40)   NOT NULL,
    masked_cnic     VARCHAR(15)   NOT NULL,
    receiver_id     VARCHAR(400)  NOT NULL,
    last_eligible   CHAR(1)       NOT NULL,
    active_key      VARCHAR(200),
    created_at      TIMESTAMP     NOT NULL,
    ended_at        TIMESTAMP,
    CONSTRAINT dci_subscription_agreement_fk FOREIGN KEY (agreement_id) REFERENCES agreement (id),
    CONSTRAINT dci_subscription_programme_fk FOREIGN KEY (programme) REFERENCES programme (code),
    CONSTRAINT dci_subscription_eligible_ck CHECK (last_eligible IN ('Y', 'N'))
);
CREATE UNIQUE INDEX dci_subscription_active_uq ON dci_subscription (active_key);
CREATE INDEX dci_subscription_household_idx ON dci_subscription (household_id);
CREATE INDEX dci_subscription_programme_idx ON dci_subscription (programme, code);
