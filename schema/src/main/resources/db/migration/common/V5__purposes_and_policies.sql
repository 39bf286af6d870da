-- The purpose catalogue, with its legal basis and W3C DPV terms, and the data categories each
-- purpose may use.
CREATE TABLE purpose (
    code              VARCHAR(40)  NOT NULL PRIMARY KEY,
    description       VARCHAR(400) NOT NULL,
    legal_basis       VARCHAR(40)  NOT NULL,
    required          NUMBER(1)    NOT NULL,
    aggregate_only    NUMBER(1)    NOT NULL,
    dpv_purpose       VARCHAR(80)  NOT NULL,
    dpv_legal_basis   VARCHAR(80)  NOT NULL
);
CREATE TABLE purpose_category (
    purpose_code  VARCHAR(40) NOT NULL,
    category      VARCHAR(40) NOT NULL,
    CONSTRAINT purpose_category_pk PRIMARY KEY (purpose_code, category),
    CONSTRAINT purpose_category_fk FOREIGN KEY (purpose_code) REFERENCES purpose (code)
);

INSERT INTO purpose VALUES ('IDENTITY_VERIFICATION', 'Verify the identity of applicants and household members.',
    'PUBLIC_TASK', 1, 0, 'dpv:IdentityVerification', 'dpv:PublicInterest');
INSERT INTO purpose VALUES ('ELIGIBILITY_ASSESSMENT', 'Assess socio-economic status and determine eligibility for welfare programmes.',
    'PUBLIC_TASK', 1, 0, 'dpv:ServiceProvision', 'dpv:OfficialAuthorityOfController');
INSERT INTO purpose VALUES ('COMMUNICATION', 'Contact the household about its application and programmes, by the channel it chose.',
    'CONSENT', 0, 0, 'dpv:CommunicationManagement', 'dpv:Consent');
INSERT INTO purpose VALUES ('SERVICE_IMPROVEMENT', 'Improve services using aggregate, anonymised data only.',
    'CONSENT', 0, 1, 'dpv:ServiceOptimisation', 'dpv:Consent');
INSERT INTO purpose VALUES ('LEGAL_COMPLIANCE', 'Comply with legal obligations, court orders and audits.',
    'LEGAL_OBLIGATION', 0, 0, 'dpv:LegalCompliance', 'dpv:LegalObligation');

INSERT INTO purpose_category VALUES ('IDENTITY_VERIFICATION', 'IDENTITY');
INSERT INTO purpose_category VALUES ('IDENTITY_VERIFICATION', 'CONTACT');
INSERT INTO purpose_category VALUES ('ELIGIBILITY_ASSESSMENT', 'IDENTITY');
INSERT INTO purpose_category VALUES ('ELIGIBILITY_ASSESSMENT', 'CONTACT');
INSERT INTO purpose_category VALUES ('ELIGIBILITY_ASSESSMENT', 'HOUSEHOLD_COMPOSITION');
INSERT INTO purpose_category VALUES ('ELIGIBILITY_ASSESSMENT', 'SOCIO_ECONOMIC');
INSERT INTO purpose_category VALUES ('ELIGIBILITY_ASSESSMENT', 'HEALTH');
INSERT INTO purpose_category VALUES ('COMMUNICATION', 'CONTACT');
INSERT INTO purpose_category VALUES ('SERVICE_IMPROVEMENT', 'HOUSEHOLD_COMPOSITION');
INSERT INTO purpose_category VALUES ('SERVICE_IMPROVEMENT', 'SOCIO_ECONOMIC');
INSERT INTO purpose_category VALUES ('SERVICE_IMPROVEMENT', 'HEALTH');
INSERT INTO purpose_category VALUES ('LEGAL_COMPLIANCE', 'IDENTITY');
INSERT INTO purpose_category VALUES ('LEGAL_COMPLIANCE', 'CONTACT');
INSERT INTO purpose_category VALUES ('LEGAL_COMPLIANCE', 'HOUSEHOLD_COMPOSITION');
INSERT INTO purpose_category VALUES ('LEGAL_COMPLIANCE', 'SOCIO_ECONOMIC');
INSERT INTO purpose_category VALUES ('LEGAL_COMPLIANCE', 'HEALTH');

-- Privacy-policy versions: immutable once published; data keeps the version it was collected under.
CREATE TABLE policy_version (
    version         VARCHAR(20)   NOT NULL PRIMARY KEY,
    effective_from  DATE          NOT NULL,
    text_sha256     VARCHAR(64)   NOT NULL,
    policy_text     CLOB          NOT NULL,
    published_at    TIMESTAMP     NOT NULL
);
CREATE UNIQUE INDEX policy_version_effective_uq ON policy_version (effective_from);
CREATE TABLE policy_purpose (
    version       VARCHAR(20) NOT NULL,
    purpose_code  VARCHAR(40) NOT NULL,
    CONSTRAINT policy_purpose_pk PRIMARY KEY (version, purpose_code),
    CONSTRAINT policy_purpose_version_fk FOREIGN KEY (version) REFERENCES policy_version (version),
    CONSTRAINT policy_purpose_code_fk FOREIGN KEY (purpose_code) REFERENCES purpose (code)
);

INSERT INTO policy_version VALUES ('2025-01', DATE '2025-01-01',
    '7224ea622f0b0995b20a585d0244a4bfe27e6701a8c0b825c817d17656fc6f7e',
    'Socio-economic registry privacy policy, version 2025-01. We collect the information you provide about your household (identifiers, CNICs, family members, income, employment, assets, property, utilities and expenses) to verify identity, assess socio-economic status and determine eligibility for welfare programmes (public task), to communicate with you by the channel you chose (consent), to improve services with aggregate data only (consent) and to comply with the law (legal obligation). We share data with government entities solely to verify and administer welfare, keep it encrypted and only as long as necessary, and you may access, correct, annotate or ask to delete it, or complain to our Data Protection Officer.',
    TIMESTAMP '2025-01-01 00:00:00');
INSERT INTO policy_purpose VALUES ('2025-01', 'IDENTITY_VERIFICATION');
INSERT INTO policy_purpose VALUES ('2025-01', 'ELIGIBILITY_ASSESSMENT');
INSERT INTO policy_purpose VALUES ('2025-01', 'COMMUNICATION');
INSERT INTO policy_purpose VALUES ('2025-01', 'SERVICE_IMPROVEMENT');
INSERT INTO policy_purpose VALUES ('2025-01', 'LEGAL_COMPLIANCE');

-- Consent is frozen once given (consent_record.purposes, all given at given_at); what changes
-- later (a withdrawal) is appended here, per purpose.
CREATE TABLE consent_status (
    consent_id    VARCHAR(36) NOT NULL,
    purpose_code  VARCHAR(40) NOT NULL,
    status        VARCHAR(20) NOT NULL,
    changed_at    TIMESTAMP   NOT NULL,
    CONSTRAINT consent_status_fk FOREIGN KEY (consent_id) REFERENCES consent_record (id)
);
CREATE INDEX consent_status_idx ON consent_status (consent_id, purpose_code, changed_at);
