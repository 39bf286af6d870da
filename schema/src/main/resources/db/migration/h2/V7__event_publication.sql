-- Spring Modulith's event publication registry (spring-modulith-events-jdbc, schema v2): an event
-- for a listener in another module is stored in the transaction that publishes it and marked
-- complete when the listener has run, so a crash between the two loses nothing. Events carry
-- ids only, never personal data.
CREATE TABLE event_publication (
    id                      UUID                        NOT NULL PRIMARY KEY,
    completion_date         TIMESTAMP(9) WITH TIME ZONE,
    event_type              VARCHAR(512)                NOT NULL,
    listener_id             VARCHAR(512)                NOT NULL,
    publication_date        TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    serialized_event        VARCHAR(4000)               NOT NULL,
    status                  VARCHAR(20),
    completion_attempts     INT,
    last_resubmission_date  TIMESTAMP(9) WITH TIME ZONE
);
CREATE INDEX event_publication_listener_idx ON event_publication (listener_id, serialized_event);
CREATE INDEX event_publication_completion_idx ON event_publication (completion_date);
