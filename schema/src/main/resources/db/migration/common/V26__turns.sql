-- Turns (kernel, Turns): callers that must not overlap (a quota counted before its insert) lock
-- one of these rows until their transaction ends, the row their key hashes to. The rows always
-- exist, so taking a turn never inserts (two first inserts of one key could not wait for each
-- other), and they hold nothing but their number: no key, no person. Two keys on one row only
-- make their callers wait for each other a moment.
CREATE TABLE serial_turn (
    stripe  NUMBER(4) NOT NULL PRIMARY KEY
);
CREATE TABLE turn_digit (
    d  NUMBER(1) NOT NULL PRIMARY KEY
);
INSERT INTO turn_digit (d) VALUES (0);
INSERT INTO turn_digit (d) VALUES (1);
INSERT INTO turn_digit (d) VALUES (2);
INSERT INTO turn_digit (d) VALUES (3);
INSERT INTO turn_digit (d) VALUES (4);
INSERT INTO turn_digit (d) VALUES (5);
INSERT INTO turn_digit (d) VALUES (6);
INSERT INTO turn_digit (d) VALUES (7);
INSERT INTO turn_digit (d) VALUES (8);
INSERT INTO turn_digit (d) VALUES (9);
INSERT INTO serial_turn (stripe) SELECT a.d * 100 + b.d * 10 + c.d FROM turn_digit a, turn_digit b, turn_digit c;
DROP TABLE turn_digit;
