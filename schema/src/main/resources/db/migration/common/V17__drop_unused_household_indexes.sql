-- Two indexes on household that no query reads, each paid for by every household stored:
-- household_mobile_idx keyed households by their mobile's blind index, but no look-up goes from
-- a mobile to a household any more (ownership is owner_token; the mobile token is contact data),
-- and its keys are random, so each insert dirtied a page of its own. household_updated_idx
-- repeats household_status_idx (status, updated_at), which the retention sweep reads.
DROP INDEX household_mobile_idx;
DROP INDEX household_updated_idx;
