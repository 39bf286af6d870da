-- H2 gives a foreign key an index of its own (…_FK_INDEX_…) unless the table already has one on
-- exactly the key's columns when the key is declared. These three keys were declared inside
-- CREATE TABLE, before our CREATE INDEX on the same column, so each row paid for two identical
-- indexes: every CNIC claim of a household, every consent record, every callback delivery.
-- Declared again now, each key takes our index, and H2 drops the one it made with the old key.
-- Oracle creates no index for a foreign key, so it has nothing to undo and no V18.
ALTER TABLE household_cnic DROP CONSTRAINT household_cnic_household_fk;
ALTER TABLE household_cnic ADD CONSTRAINT household_cnic_household_fk
    FOREIGN KEY (household_id) REFERENCES household (id);

ALTER TABLE consent_record DROP CONSTRAINT consent_household_fk;
ALTER TABLE consent_record ADD CONSTRAINT consent_household_fk
    FOREIGN KEY (household_id) REFERENCES household (id);

ALTER TABLE dci_delivery DROP CONSTRAINT dci_delivery_transaction_fk;
ALTER TABLE dci_delivery ADD CONSTRAINT dci_delivery_transaction_fk
    FOREIGN KEY (correlation_id) REFERENCES dci_transaction (correlation_id);
