-- The audit trail stays append-only, but events older than ten years may be deleted by the
-- retention sweep (from the start of the chain, which is then anchored at the last one deleted).
CREATE OR REPLACE TRIGGER audit_event_append_only
BEFORE UPDATE OR DELETE ON audit_event
FOR EACH ROW
BEGIN
    IF UPDATING OR :OLD.occurred_at >= ADD_MONTHS(SYSTIMESTAMP, -120) THEN
        RAISE_APPLICATION_ERROR(-20001, 'audit_event is append-only; only events older than ten years may be deleted');
    END IF;
END;
/
