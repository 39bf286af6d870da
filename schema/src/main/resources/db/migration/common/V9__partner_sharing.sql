-- Partner sharing (sharing module): programmes, data-sharing agreements, and the disclosure log.

-- A programme decides eligibility with the scores of one model version: eligible when score <= cutoff.
CREATE TABLE programme (
    code           VARCHAR(40)   NOT NULL PRIMARY KEY,
    name           VARCHAR(200)  NOT NULL,
    model_version  VARCHAR(20)   NOT NULL,
    cutoff         NUMBER(4,1)   NOT NULL,
    created_at     TIMESTAMP     NOT NULL,
    CONSTRAINT programme_model_fk FOREIGN KEY (model_version) REFERENCES pmt_model (version)
);

-- What an agency may ask and receive. A partner outside Pakistan is answered only with a
-- recorded transfer approval ("adequate controls", seed 002).
CREATE TABLE agreement (
    id                    VARCHAR(60)   NOT NULL PRIMARY KEY,
    agency                VARCHAR(200)  NOT NULL,
    status                VARCHAR(20)   NOT NULL,
    valid_from            DATE          NOT NULL,
    valid_until           DATE          NOT NULL,
    daily_quota           NUMBER(9)     NOT NULL,
    callback_base_url     VARCHAR(500),
    jwks                  CLOB,
    jurisdiction          VARCHAR(2)    NOT NULL,
    transfer_approval     VARCHAR(200),
    transfer_approved_on  DATE,
    created_at            TIMESTAMP     NOT NULL,
    updated_at            TIMESTAMP     NOT NULL
);
CREATE TABLE agreement_programme (
    agreement_id    VARCHAR(60)  NOT NULL,
    programme_code  VARCHAR(40)  NOT NULL,
    CONSTRAINT agreement_programme_pk PRIMARY KEY (agreement_id, programme_code),
    CONSTRAINT agreement_programme_agreement_fk FOREIGN KEY (agreement_id) REFERENCES agreement (id),
    CONSTRAINT agreement_programme_programme_fk FOREIGN KEY (programme_code) REFERENCES programme (code)
);
CREATE TABLE agreement_purpose (
    agreement_id  VARCHAR(60)  NOT NULL,
    purpose_code  VARCHAR(40)  NOT NULL,
    CONSTRAINT agreement_purpose_pk PRIMARY KEY (agreement_id, purpose_code),
    CONSTRAINT agreement_purpose_agreement_fk FOREIGN KEY (agreement_id) REFERENCES agreement (id),
    CONSTRAINT agreement_purpose_purpose_fk FOREIGN KEY (purpose_code) REFERENCES purpose (code)
);
CREATE TABLE agreement_field (
    agreement_id  VARCHAR(60)  NOT NULL,
    field         VARCHAR(40)  NOT NULL,
    CONSTRAINT agreement_field_pk PRIMARY KEY (agreement_id, field),
    CONSTRAINT agreement_field_agreement_fk FOREIGN KEY (agreement_id) REFERENCES agreement (id)
);

-- Every answer a partner received, and every disclosure the DPO recorded (court order, danger to
-- life): the household sees its own rows from visible_from on. Pseudonymous (household id, never
-- a CNIC); kept when the household is erased, so its history stays accountable.
CREATE TABLE disclosure (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    household_id     VARCHAR(36),
    disclosed_at     TIMESTAMP     NOT NULL,
    visible_from     TIMESTAMP     NOT NULL,
    channel          VARCHAR(20)   NOT NULL,
    agreement_id     VARCHAR(60),
    agency           VARCHAR(200)  NOT NULL,
    programme        VARCHAR(40),
    purpose          VARCHAR(40)   NOT NULL,
    fields           VARCHAR(400)  NOT NULL,
    outcome          VARCHAR(20)   NOT NULL,
    request_id       VARCHAR(100),
    legal_reference  VARCHAR(200)
);
CREATE INDEX disclosure_household_idx ON disclosure (household_id, visible_from);
CREATE INDEX disclosure_agreement_idx ON disclosure (agreement_id, household_id);
CREATE INDEX disclosure_time_idx ON disclosure (disclosed_at);
