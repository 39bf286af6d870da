-- Test data for DciCallbackUrlsMigrationTests: two DCI callbacks as stored before V25, their URLs in
-- clear under a path the partner chose (a CNIC in it), one still pending and one delivered.
INSERT INTO agreement (id, agency, status, valid_from, valid_until, daily_quota, jurisdiction, created_at, updated_at)
VALUES ('migrated', 'Agency', 'ACTIVE', DATE '2025-01-01', DATE '2030-12-31', 10, 'PK',
        TIMESTAMP '2026-01-10 08:00:00', TIMESTAMP '2026-01-10 08:00:00');
INSERT INTO dci_transaction (correlation_id, agreement_id, txn_type, status, created_at, updated_at)
VALUES ('c-1', 'migrated', 'search', 'pdng', TIMESTAMP '2026-01-10 08:00:00', TIMESTAMP '2026-01-10 08:00:00');
INSERT INTO dci_transaction (correlation_id, agreement_id, txn_type, status, created_at, updated_at)
VALUES ('c-2', 'migrated', 'search', 'succ', TIMESTAMP '2026-01-10 08:00:00', TIMESTAMP '2026-01-10 08:00:00');
INSERT INTO dci_delivery (id, correlation_id, agreement_id, action, target_url, sealed_envelope, status, attempts,
                          next_attempt_at, created_at, updated_at)
VALUES ('pending', 'c-1', 'migrated', 'on-search', 'https://partner.example.org/dci/cases/35202-1234567-1', X'00',
        'PENDING', 0, TIMESTAMP '2026-01-10 08:00:00', TIMESTAMP '2026-01-10 08:00:00', TIMESTAMP '2026-01-10 08:00:00');
INSERT INTO dci_delivery (id, correlation_id, agreement_id, action, target_url, sealed_envelope, status, attempts,
                          next_attempt_at, created_at, updated_at)
VALUES ('delivered', 'c-2', 'migrated', 'on-search', 'https://partner.example.org/dci/cases/35202-7654321-3', NULL,
        'DELIVERED', 1, TIMESTAMP '2026-01-10 08:00:00', TIMESTAMP '2026-01-10 08:00:00', TIMESTAMP '2026-01-10 08:00:01');
