-- Rights, retention and erasure.

-- household (household module): when its record last changed (registration, correction), for the
-- retention rule on inactive households.
ALTER TABLE household ADD (updated_at TIMESTAMP);
UPDATE household SET updated_at = created_at;
CREATE INDEX household_updated_idx ON household (updated_at);
CREATE INDEX household_status_idx ON household (status, updated_at);

-- Legal holds (retention module): while a hold is placed, neither erasure nor retention deletes the
-- household or data about it. The reason and reference name a case, never a person.
CREATE TABLE legal_hold (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    household_id  VARCHAR(36)   NOT NULL,
    reason        VARCHAR(40)   NOT NULL,
    reference     VARCHAR(200)  NOT NULL,
    placed_by     VARCHAR(100)  NOT NULL,
    placed_at     TIMESTAMP     NOT NULL,
    released_by   VARCHAR(100),
    released_at   TIMESTAMP
);
CREATE INDEX legal_hold_household_idx ON legal_hold (household_id, released_at);

-- Erasure requests (retention module). requester_token is the blind index of the requesting
-- applicant's mobile, so the requester can follow the request after the household is gone.
-- status: REQUESTED, APPROVED, REFUSED, COMPLETED. The certificate is the signed JWS.
CREATE TABLE erasure_request (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    household_id     VARCHAR(36)   NOT NULL,
    requester_token  RAW(32)       NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    requested_at     TIMESTAMP     NOT NULL,
    decided_by       VARCHAR(100),
    decided_at       TIMESTAMP,
    refusal_ground   VARCHAR(40),
    refusal_note     VARCHAR(400),
    deferred_at      TIMESTAMP,
    completed_at     TIMESTAMP,
    certificate      CLOB
);
CREATE INDEX erasure_request_status_idx ON erasure_request (status, id);
CREATE INDEX erasure_request_household_idx ON erasure_request (household_id);
CREATE INDEX erasure_request_requester_idx ON erasure_request (requester_token);

-- Corrections and annotations (rights module). The field named and the value proposed are sealed
-- under the household's data key: erasing the household makes them unreadable everywhere.
-- Sealed texts are BLOBs: a note of 1,000 Urdu characters is about 2,000 bytes before sealing, and
-- Oracle's RAW holds at most 2,000.
CREATE TABLE correction (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    household_id  VARCHAR(36)   NOT NULL,
    district      VARCHAR(40)   NOT NULL,
    kind          VARCHAR(20)   NOT NULL,
    status        VARCHAR(20)   NOT NULL,
    content_ct    BLOB          NOT NULL,
    created_at    TIMESTAMP     NOT NULL,
    decided_by    VARCHAR(100),
    decided_at    TIMESTAMP,
    decision_note VARCHAR(400)
);
CREATE INDEX correction_household_idx ON correction (household_id);
CREATE INDEX correction_queue_idx ON correction (status, district, created_at);

-- Complaints to the DPO (rights module), the text and the answer sealed under the household's key.
CREATE TABLE complaint (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    reference     VARCHAR(20)   NOT NULL,
    household_id  VARCHAR(36)   NOT NULL,
    status        VARCHAR(20)   NOT NULL,
    content_ct    BLOB          NOT NULL,
    answer_ct     BLOB,
    created_at    TIMESTAMP     NOT NULL,
    answered_by   VARCHAR(100),
    answered_at   TIMESTAMP,
    CONSTRAINT complaint_reference_uq UNIQUE (reference)
);
CREATE INDEX complaint_household_idx ON complaint (household_id);
CREATE INDEX complaint_queue_idx ON complaint (status, created_at);

-- The audit trail's retention (audit module): when events older than the audit period are
-- deleted, the chain is anchored at the last deleted event, so that verification still holds.
CREATE TABLE audit_anchor (
    id          NUMBER(1)    NOT NULL PRIMARY KEY,
    anchor_seq  NUMBER(19)   NOT NULL,
    anchor_hash VARCHAR(64)  NOT NULL
);
INSERT INTO audit_anchor (id, anchor_seq, anchor_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
