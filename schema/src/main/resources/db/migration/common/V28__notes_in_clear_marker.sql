-- Whether notes kept in clear before version 27 may remain (household module, ClearNotesSealing).
-- The start-up sealing looks for them only while this row is here and deletes it once none is left,
-- so that later starts do not scan the disclosure log, the corrections, the erasure requests and the
-- legal holds for clear notes that can no longer be written.
CREATE TABLE notes_in_clear (
    id NUMBER(1) NOT NULL PRIMARY KEY
);
INSERT INTO notes_in_clear (id) VALUES (1);
