-- The audit trail is append-only: the database itself refuses to change or remove an event.
CREATE OR REPLACE TRIGGER audit_event_append_only
BEFORE UPDATE OR DELETE ON audit_event
BEGIN
    RAISE_APPLICATION_ERROR(-20001, 'audit_event is append-only');
END;
/
