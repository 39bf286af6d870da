-- The agency's DCI sender id (sharing module): the header.sender_id that the standard says is
-- "registered with the receiving system ... used for authorization". A DCI request under the
-- agreement must name exactly this id, or it is refused (403 err.sender_id.invalid) before anything
-- is answered or recorded; an agreement without one answers no DCI request. Agreements stored before
-- this version have none: an administrator registers it (PUT /api/v1/admin/partners/{id}) before
-- their partners' DCI requests are answered again. At most 100 characters of [A-Za-z0-9._:-], so as
-- many bytes on Oracle.
ALTER TABLE agreement ADD (dci_sender_id VARCHAR(100));
