-- Test data for DciPartnerIdsMigrationTests: a DCI search as stored before V24, with the ids the
-- partner sent in clear (a CNIC in them). Run in the same migration as the tables' checks, since H2
-- evaluates a CHECK ... IN list with the session that created it.
INSERT INTO agreement (id, agency, status, valid_from, valid_until, daily_quota, jurisdiction, created_at, updated_at)
VALUES ('migrated', 'Agency', 'ACTIVE', DATE '2025-01-01', DATE '2030-12-31', 10, 'PK',
        TIMESTAMP '2026-01-10 08:00:00', TIMESTAMP '2026-01-10 08:00:00');
INSERT INTO dci_transaction (correlation_id, agreement_id, transaction_id, txn_type, status, created_at, updated_at)
VALUES ('c-1', 'migrated', 'case of 35202-1234567-1', 'search', 'pdng', TIMESTAMP '2026-01-10 08:00:00',
        TIMESTAMP '2026-01-10 08:00:00');
INSERT INTO dci_reference (correlation_id, item_no, reference_id, status)
VALUES ('c-1', 0, 'ref 3520276543212', 'succ');
INSERT INTO dci_delivery (id, correlation_id, agreement_id, action, target_url, sealed_envelope, status, attempts,
                          next_attempt_at, created_at, updated_at)
VALUES ('d-1', 'c-1', 'migrated', 'on-search', 'https://partner.example.org/registry/on-search', X'00', 'PENDING', 0,
        TIMESTAMP '2026-01-10 08:00:00', TIMESTAMP '2026-01-10 08:00:00', TIMESTAMP '2026-01-10 08:00:00');
