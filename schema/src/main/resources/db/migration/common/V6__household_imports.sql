-- Bulk imports of template-v1 CSV files. Only ids, counts and offsets: no personal data.
CREATE TABLE household_import (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    officer       VARCHAR(100) NOT NULL,
    districts     VARCHAR(400) NOT NULL,
    file_bytes    NUMBER(19)   NOT NULL,
    status        VARCHAR(20)  NOT NULL,
    created_at    TIMESTAMP    NOT NULL,
    finished_at   TIMESTAMP,
    lines_read    NUMBER(19)   DEFAULT 0 NOT NULL,
    bytes_read    NUMBER(19)   DEFAULT 0 NOT NULL,
    stored        NUMBER(19)   DEFAULT 0 NOT NULL,
    rejected      NUMBER(19)   DEFAULT 0 NOT NULL,
    failure       VARCHAR(400),
    owner_node    VARCHAR(36),
    lease_until   TIMESTAMP
);
CREATE INDEX household_import_status_idx ON household_import (status, lease_until);

-- The error report: line, household_ref, column, reason. Never a value from the file.
CREATE TABLE import_error (
    import_id      VARCHAR(36)  NOT NULL,
    line           NUMBER(19)   NOT NULL,
    household_ref  VARCHAR(40),
    column_name    VARCHAR(40),
    code           VARCHAR(60)  NOT NULL,
    message        VARCHAR(400) NOT NULL,
    created_at     TIMESTAMP    NOT NULL
);
CREATE INDEX import_error_idx ON import_error (import_id, line);
