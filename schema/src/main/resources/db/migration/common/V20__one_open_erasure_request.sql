-- A household has one open erasure request at most (REQUESTED or APPROVED). Checking before inserting
-- did not hold it: six requests sent at once were all stored, and the DPO could approve one, refuse
-- another and leave the rest open for a household erased since. open_household is the household's id
-- while its request is open, NULL once refused or completed; the unique index holds the rule under any
-- concurrency (H2 and Oracle both let NULLs repeat in a unique index, as for household.active_owner).
-- Requests opened before: the oldest open one of each household holds its place; any later ones stay as
-- they are for the DPO to decide.
ALTER TABLE erasure_request ADD (open_household VARCHAR(36));

UPDATE erasure_request r SET open_household = household_id
WHERE status IN ('REQUESTED', 'APPROVED')
  AND NOT EXISTS (SELECT 1 FROM erasure_request o
                  WHERE o.household_id = r.household_id AND o.status IN ('REQUESTED', 'APPROVED')
                    AND (o.requested_at < r.requested_at OR (o.requested_at = r.requested_at AND o.id < r.id)));

ALTER TABLE erasure_request ADD CONSTRAINT erasure_request_open_ck
    CHECK (open_household IS NULL OR (open_household = household_id AND status IN ('REQUESTED', 'APPROVED')));
CREATE UNIQUE INDEX erasure_request_open_uq ON erasure_request (open_household);
