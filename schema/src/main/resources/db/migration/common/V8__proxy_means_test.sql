-- The proxy means test (household module): versioned models of a base and a weight per factor.
-- Versions never change once published; exactly one is active (the unique index admits one 'Y'
-- and any number of NULLs) and scores new households.
CREATE TABLE pmt_model (
    version       VARCHAR(20)   NOT NULL PRIMARY KEY,
    base          NUMBER(7,2)   NOT NULL,
    active        CHAR(1),
    published_at  TIMESTAMP     NOT NULL,
    activated_at  TIMESTAMP,
    CONSTRAINT pmt_model_active_ck CHECK (active = 'Y')
);
CREATE UNIQUE INDEX pmt_model_active_uq ON pmt_model (active);

CREATE TABLE pmt_weight (
    model_version  VARCHAR(20)  NOT NULL,
    factor         VARCHAR(40)  NOT NULL,
    weight         NUMBER(9,4)  NOT NULL,
    CONSTRAINT pmt_weight_pk PRIMARY KEY (model_version, factor),
    CONSTRAINT pmt_weight_model_fk FOREIGN KEY (model_version) REFERENCES pmt_model (version)
);

-- A household's score per model version, with its explanation (each factor's value and points)
-- sealed under the household's data key: the explanation reveals answers, the score alone none.
-- The score stays in clear so that eligibility is answered without opening the household.
CREATE TABLE household_score (
    household_id    VARCHAR(36)  NOT NULL,
    model_version   VARCHAR(20)  NOT NULL,
    score           NUMBER(4,1)  NOT NULL,
    explanation_ct  RAW(2000)    NOT NULL,
    scored_at       TIMESTAMP    NOT NULL,
    CONSTRAINT household_score_pk PRIMARY KEY (household_id, model_version),
    CONSTRAINT household_score_household_fk FOREIGN KEY (household_id) REFERENCES household (id),
    CONSTRAINT household_score_model_fk FOREIGN KEY (model_version) REFERENCES pmt_model (version)
);
CREATE INDEX household_score_version_idx ON household_score (model_version, household_id);

-- The first model: a household of six with four children, one daily-wage earner and a rented home
-- of two rooms scores about 13; one with two salaried graduates, a car and land scores 100.
INSERT INTO pmt_model (version, base, active, published_at, activated_at)
VALUES ('pmt-2025.1', 25, 'Y', TIMESTAMP '2025-01-01 00:00:00', TIMESTAMP '2025-01-01 00:00:00');
INSERT INTO pmt_weight VALUES ('pmt-2025.1', 'HOUSEHOLD_SIZE', -1.0);
INSERT INTO pmt_weight VALUES ('pmt-2025.1', 'DEPENDENCY_RATIO', -4.0);
INSERT INTO pmt_weight VALUES ('pmt-2025.1', 'INCOME_PER_CAPITA', 0.8);
INSERT INTO pmt_weight VALUES ('pmt-2025.1', 'EMPLOYED_ADULTS', 8.0);
INSERT INTO pmt_weight VALUES ('pmt-2025.1', 'HEAD_EDUCATION', 1.5);
INSERT INTO pmt_weight VALUES ('pmt-2025.1', 'DWELLING_OWNED', 4.0);
INSERT INTO pmt_weight VALUES ('pmt-2025.1', 'PERSONS_PER_ROOM', -2.0);
INSERT INTO pmt_weight VALUES ('pmt-2025.1', 'LAND', 0.8);
INSERT INTO pmt_weight VALUES ('pmt-2025.1', 'LIVESTOCK', 0.3);
INSERT INTO pmt_weight VALUES ('pmt-2025.1', 'MOTORCYCLE', 3.0);
INSERT INTO pmt_weight VALUES ('pmt-2025.1', 'CAR', 10.0);
INSERT INTO pmt_weight VALUES ('pmt-2025.1', 'UTILITY_BILLS', 0.4);
INSERT INTO pmt_weight VALUES ('pmt-2025.1', 'EXPENSES_PER_CAPITA', 0.3);
INSERT INTO pmt_weight VALUES ('pmt-2025.1', 'DISABILITY', -2.0);
