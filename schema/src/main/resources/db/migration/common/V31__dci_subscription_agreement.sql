-- A changed agreement's active subscriptions are reviewed page by page in code order: a
-- suspension lifted, a callback URL registered, may let a change be told that could not be.
CREATE INDEX dci_subscription_agreement_idx ON dci_subscription (agreement_id, code);
