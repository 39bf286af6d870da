-- The erasure job reads approved requests in household order, so that each chunk's deletes fall on
-- neighbouring pages of every household-keyed table instead of on pages all over them (requests
-- arrive in no relation to their households' ids); keyset paging by (household_id, id).
CREATE INDEX erasure_request_approved_idx ON erasure_request (status, household_id, id);
