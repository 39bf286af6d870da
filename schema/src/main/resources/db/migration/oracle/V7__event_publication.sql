-- Spring Modulith's event publication registry (spring-modulith-events-jdbc, schema v2): an event
-- for a listener in another module is stored in the transaction that publishes it and marked
-- complete when the listener has run, so a crash between the two loses nothing. Events carry
-- ids only, never personal data.
CREATE TABLE event_publication (
    id                      VARCHAR2(36)   NOT NULL,
    listener_id             VARCHAR2(512)  NOT NULL,
    event_type              VARCHAR2(512)  NOT NULL,
    serialized_event        VARCHAR2(4000) NOT NULL,
    publication_date        TIMESTAMP(6)   NOT NULL,
    completion_date         TIMESTAMP(6),
    status                  VARCHAR2(20),
    completion_attempts     NUMBER(10),
    last_resubmission_date  TIMESTAMP(6),
    CONSTRAINT event_publication_pk PRIMARY KEY (id)
);
CREATE INDEX event_publication_listener_idx ON event_publication (listener_id, serialized_event);
CREATE INDEX event_publication_completion_idx ON event_publication (completion_date);
