-- The ids DCI partners choose (sharing module) are no longer stored as sent. A partner's
-- transaction_id and reference_id may hold anything, a CNIC too, and were kept in clear for up to
-- the dciRecords retention (90 days). Now only a search's ids are kept, the only ones a status
-- request reports: as a keyed blind index of the agreement and the id (*_token, 32 bytes), which the
-- status look-ups compare, so the same id under two agreements gives two tokens; and sealed (*_sealed,
-- AEAD under the master key, bound to its column and row) for the status answer to carry back. Other
-- transactions keep no partner id. 99 characters are at most 297 bytes in UTF-8; RAW(1000) leaves room
-- for the AEAD's overhead, a KMS-wrapped key's too.
--
-- Rows stored before this version cannot be converted here: the keys live in the application, not in
-- the database. They are kept without their ids: their callbacks are still delivered (the sealed
-- envelope holds its own copy), their held answers are still withdrawn by an erasure, the retention
-- still removes them; but a status request no longer finds them (it answers as for an unknown
-- transaction). They are at most 90 days of transient partner traffic. Dropping the columns removes
-- the ids from the live rows; copies that a database keeps outside them (H2's unused file pages until
-- the file is compacted, Oracle's undo, redo, archived logs and backups) age out as those do.
ALTER TABLE dci_transaction ADD (transaction_token RAW(32));
ALTER TABLE dci_transaction ADD (transaction_sealed RAW(1000));
ALTER TABLE dci_reference ADD (reference_token RAW(32));
ALTER TABLE dci_reference ADD (reference_sealed RAW(1000));

DROP INDEX dci_transaction_lookup_idx;
DROP INDEX dci_reference_idx;
ALTER TABLE dci_transaction DROP COLUMN transaction_id;
ALTER TABLE dci_reference DROP COLUMN reference_id;

CREATE INDEX dci_transaction_lookup_idx ON dci_transaction (agreement_id, transaction_token, created_at);
CREATE INDEX dci_reference_token_idx ON dci_reference (reference_token);
