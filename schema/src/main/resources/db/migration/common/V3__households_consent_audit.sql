-- Households: every personal answer is sealed with the household's own data key (*_ct columns,
-- binary AEAD ciphertexts); the data key is stored only wrapped by the master key. In clear:
-- the district (officer scope, statistics) and the member count (statistics). The members are
-- sealed together (members_ct): every read opens them together, and one row per household
-- keeps a bulk import at one row and a few index entries per household.
CREATE TABLE household (
    id                VARCHAR(36)   NOT NULL PRIMARY KEY,
    status            VARCHAR(20)   NOT NULL,
    district          VARCHAR(40)   NOT NULL,
    member_count      NUMBER(5)     NOT NULL,
    created_at        TIMESTAMP     NOT NULL,
    owner_token       RAW(32),
    mobile_token      RAW(32)       NOT NULL,
    master_key_id     NUMBER(19)    NOT NULL,
    data_key          RAW(1000)     NOT NULL,
    contact_ct        RAW(2000)     NOT NULL,
    circumstances_ct  RAW(2000)     NOT NULL,
    members_ct        BLOB          NOT NULL
);
CREATE INDEX household_owner_idx ON household (owner_token);
CREATE INDEX household_mobile_idx ON household (mobile_token);

-- The CNICs a household holds, as keyed blind indexes of the 13 digits (children without a
-- CNIC have none). The primary key makes "one CNIC, one household" hold under any concurrency;
-- erasing a household removes its rows here through the household index.
CREATE TABLE household_cnic (
    cnic_token      RAW(32)       NOT NULL,
    household_id    VARCHAR(36)   NOT NULL,
    CONSTRAINT household_cnic_pk PRIMARY KEY (cnic_token),
    CONSTRAINT household_cnic_household_fk FOREIGN KEY (household_id) REFERENCES household (id)
);
CREATE INDEX household_cnic_household_idx ON household_cnic (household_id);

CREATE TABLE consent_record (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    household_id    VARCHAR(36)  NOT NULL,
    policy_version  VARCHAR(20)  NOT NULL,
    purposes        VARCHAR(400) NOT NULL,
    method          VARCHAR(20)  NOT NULL,
    collector       VARCHAR(100),
    given_at        TIMESTAMP    NOT NULL,
    CONSTRAINT consent_household_fk FOREIGN KEY (household_id) REFERENCES household (id)
);
CREATE INDEX consent_household_idx ON consent_record (household_id);

-- Idempotency-Key replays, per applicant (owner_token is the blind index of their mobile).
CREATE TABLE idempotency_key (
    owner_token   VARCHAR(64)  NOT NULL,
    idem_key      VARCHAR(100) NOT NULL,
    request_hash  VARCHAR(64)  NOT NULL,
    household_id  VARCHAR(36)  NOT NULL,
    created_at    TIMESTAMP    NOT NULL,
    CONSTRAINT idempotency_key_pk PRIMARY KEY (owner_token, idem_key)
);

-- The audit trail: append-only, hash-chained, pseudonymous. The head row serialises appends.
CREATE TABLE audit_event (
    seq           NUMBER(19)   NOT NULL PRIMARY KEY,
    occurred_at   TIMESTAMP    NOT NULL,
    actor         VARCHAR(120) NOT NULL,
    actor_role    VARCHAR(20)  NOT NULL,
    purpose       VARCHAR(40)  NOT NULL,
    household_id  VARCHAR(36),
    action        VARCHAR(40)  NOT NULL,
    outcome       VARCHAR(20)  NOT NULL,
    prev_hash     VARCHAR(64)  NOT NULL,
    hash          VARCHAR(64)  NOT NULL
);
CREATE INDEX audit_event_household_idx ON audit_event (household_id);

CREATE TABLE audit_chain_head (
    id         NUMBER(1)   NOT NULL PRIMARY KEY,
    last_seq   NUMBER(19)  NOT NULL,
    last_hash  VARCHAR(64) NOT NULL
);
INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
