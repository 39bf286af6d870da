-- What a household writes (a complaint of up to 4,000 characters, a correction's note of up to
-- 1,000) and the DPO's answer are sealed under the household's key: UTF-8 takes two bytes for a
-- character of Urdu, and sealing adds its own, so the RAW columns of V11 could not hold them.
-- They become BLOBs (Oracle changes no RAW into a BLOB in place: a new column, copied, renamed).

ALTER TABLE complaint ADD (content_blob BLOB, answer_blob BLOB);
UPDATE complaint SET content_blob = content_ct, answer_blob = answer_ct;
ALTER TABLE complaint DROP COLUMN content_ct;
ALTER TABLE complaint DROP COLUMN answer_ct;
ALTER TABLE complaint RENAME COLUMN content_blob TO content_ct;
ALTER TABLE complaint RENAME COLUMN answer_blob TO answer_ct;
ALTER TABLE complaint MODIFY (content_ct NOT NULL);

ALTER TABLE correction ADD (content_blob BLOB);
UPDATE correction SET content_blob = content_ct;
ALTER TABLE correction DROP COLUMN content_ct;
ALTER TABLE correction RENAME COLUMN content_blob TO content_ct;
ALTER TABLE correction MODIFY (content_ct NOT NULL);
