-- A mobile owns one household in the registry at most (Owners): households collected in person claim
-- active_owner too, as applicants' own households have since V15. Before, an upload could record a mobile
-- that already owned a household, and that mobile's applicant then saw the newest of them only.
-- First, of the households that share an owner, every one but the first loses its owner: the one an
-- applicant submitted, else the oldest (then the smallest id). Then each household left claims its owner.
UPDATE household h SET owner_token = NULL
WHERE h.status = 'SUBMITTED' AND h.active_owner IS NULL AND h.owner_token IS NOT NULL
  AND EXISTS (SELECT 1 FROM household o
              WHERE o.owner_token = h.owner_token AND o.status = 'SUBMITTED' AND o.id <> h.id
                AND (o.active_owner IS NOT NULL OR o.created_at < h.created_at
                     OR (o.created_at = h.created_at AND o.id < h.id)));

UPDATE household SET active_owner = owner_token
WHERE status = 'SUBMITTED' AND active_owner IS NULL AND owner_token IS NOT NULL;
