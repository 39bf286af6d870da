-- On Oracle a trigger makes audit_event append-only (db/migration/oracle/V4). H2, the embedded
-- default, has no SQL triggers; there the hash chain and its verification endpoint detect any change.
SELECT 1 FROM DUAL;
