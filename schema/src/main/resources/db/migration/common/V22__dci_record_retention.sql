-- DCI records have a retention period (category dciRecords): the sweep finds transactions and ended
-- subscriptions by their age.
CREATE INDEX dci_transaction_created_idx ON dci_transaction (created_at);
CREATE INDEX dci_subscription_ended_idx ON dci_subscription (ended_at);
