-- A notification's callback names the subscription it tells (NULL for every other callback), so
-- that a later notification of the same subscription supersedes one not yet delivered: the
-- partner is told the latest change, never an older one after it.
ALTER TABLE dci_delivery ADD (subscription_code VARCHAR(36));
CREATE INDEX dci_delivery_subscription_idx ON dci_delivery (subscription_code);
