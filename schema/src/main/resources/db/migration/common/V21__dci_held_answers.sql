-- The answers a held callback carries (sharing module), each by its place in the callback's list
-- of entries (item_no) and the disclosure it was recorded as. A household's erasure withdraws the
-- held answers about it, in the erasure's own transaction, through the disclosure's pseudonymous
-- household id: an answer worked out before the erasure is not sent, nor shown by a status request,
-- after it. A row lives as long as the sealed envelope it describes. Callbacks queued before this
-- version have no rows here; they are delivered or dropped within the undelivered retention.
CREATE TABLE dci_held_answer (
    delivery_id    VARCHAR(36)  NOT NULL,
    item_no        NUMBER(4)    NOT NULL,
    disclosure_id  VARCHAR(36)  NOT NULL,
    CONSTRAINT dci_held_answer_pk PRIMARY KEY (delivery_id, item_no),
    CONSTRAINT dci_held_answer_delivery_fk FOREIGN KEY (delivery_id) REFERENCES dci_delivery (id)
);
CREATE INDEX dci_held_answer_disclosure_idx ON dci_held_answer (disclosure_id);
