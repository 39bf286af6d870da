-- What staff type about a household is no longer stored in clear. A decider's note on a correction
-- (rights), the DPO's note refusing an erasure and a legal hold's case reference (retention), and
-- the authority and legal reference of a legal disclosure (sharing) are free text: a DPO or officer
-- may write a name, a CNIC or a case title that names a person there, and the erasure requests,
-- holds and disclosure log outlive the household. Each is now sealed under the household's own data
-- key (*_ct, AEAD bound to its row and slot), like the household's own words in corrections and
-- complaints: erasing the household makes them unreadable everywhere.
--
-- Rows stored before this version cannot be sealed here (the keys live in the application): each
-- module seals its clear notes once, at its first start on this version, and clears the old column.
ALTER TABLE correction ADD (decision_note_ct BLOB);
ALTER TABLE erasure_request ADD (refusal_note_ct BLOB);
ALTER TABLE legal_hold ADD (reference_ct BLOB);
ALTER TABLE legal_hold MODIFY (reference NULL);
ALTER TABLE disclosure ADD (legal_ct BLOB);
ALTER TABLE disclosure MODIFY (agency NULL);
