-- Where a DCI callback goes (sharing module) is no longer stored as resolved. A partner may name,
-- as its sender_uri, any path under the base URL its agreement registered, and the path may hold
-- anything (a case number, a CNIC); it was kept in clear in dci_delivery.target_url for the
-- dciRecords retention (90 days). Now a callback's URL is kept only sealed (target_sealed, AEAD
-- under the master key, bound to its column and its callback) and only until the callback ends:
-- delivered, given up or withdrawn, it is dropped, since nothing is sent after that.
--
-- Rows stored before this version cannot be sealed here (the keys live in the application): a
-- callback still pending keeps its URL in target_url, the only use left of that column, until it
-- ends like any other; the URL of every callback that has ended is dropped now.
ALTER TABLE dci_delivery ADD (target_sealed BLOB);
ALTER TABLE dci_delivery MODIFY (target_url NULL);
UPDATE dci_delivery SET target_url = NULL WHERE status <> 'PENDING';
