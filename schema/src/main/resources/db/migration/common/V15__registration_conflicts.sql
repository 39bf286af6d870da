-- Applicant self-registration, bounded (OWASP API6: identity squatting through a sensitive business flow).

-- An applicant has at most one household in the registry. active_owner is the owner token (blind index
-- of the verified mobile) of a household an applicant submitted, while it is in the registry (SUBMITTED);
-- NULL for households collected in person, and for closed ones (the check makes whoever closes a household
-- clear it); an erased household's row is gone with it. The unique index holds the rule under any
-- concurrency: two first submissions of one applicant at once cannot both be stored. Oracle leaves
-- all-NULL keys out of an index and H2 allows any number of NULLs in a unique one, so NULLs never collide.
ALTER TABLE household ADD (active_owner RAW(32));
ALTER TABLE household ADD CONSTRAINT household_active_owner_ck CHECK (active_owner IS NULL OR status = 'SUBMITTED');
CREATE UNIQUE INDEX household_active_owner_uq ON household (active_owner);

-- Self-registrations refused because they conflicted, for the DPO, and the applicant's daily quota of
-- them. Never a CNIC, name or mobile: the applicant by their owner token, the household that already
-- holds a submitted CNIC by its pseudonymous id (no foreign key: the record outlives an erasure), the
-- members by their positions in the submitted list ("0,2").
-- kind: CNIC_REGISTERED, SECOND_HOUSEHOLD, IDENTITY_NOT_CONFIRMED.
CREATE TABLE registration_conflict (
    id                VARCHAR(36)   NOT NULL PRIMARY KEY,
    occurred_at       TIMESTAMP     NOT NULL,
    kind              VARCHAR(30)   NOT NULL,
    applicant_token   RAW(32)       NOT NULL,
    household_id      VARCHAR(36),
    member_positions  VARCHAR(400),
    CONSTRAINT registration_conflict_kind_ck
        CHECK (kind IN ('CNIC_REGISTERED', 'SECOND_HOUSEHOLD', 'IDENTITY_NOT_CONFIRMED'))
);
CREATE INDEX registration_conflict_applicant_idx ON registration_conflict (applicant_token, occurred_at);
CREATE INDEX registration_conflict_time_idx ON registration_conflict (occurred_at, id);
