-- Portable SQL only (runs on Oracle and on H2 in Oracle mode). Vendor-specific SQL goes
-- to db/migration/h2 and db/migration/oracle.

-- One check value per key, written on the first start and verified on every later one.
CREATE TABLE key_check (
    purpose      VARCHAR(40)  NOT NULL PRIMARY KEY,
    check_value  VARCHAR(400) NOT NULL,
    created_at   TIMESTAMP    NOT NULL
);

-- One-time sign-in codes for applicants. The mobile is kept only as a blind-index token and
-- the code only as a keyed hash; rows are purged shortly after they expire.
CREATE TABLE otp_challenge (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    mobile_token  VARCHAR(64)  NOT NULL,
    code_hash     VARCHAR(64)  NOT NULL,
    created_at    TIMESTAMP    NOT NULL,
    expires_at    TIMESTAMP    NOT NULL,
    attempts      NUMBER(5)    DEFAULT 0 NOT NULL,
    consumed_at   TIMESTAMP
);
CREATE INDEX otp_challenge_mobile_idx ON otp_challenge (mobile_token, created_at);
