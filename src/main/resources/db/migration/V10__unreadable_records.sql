-- Linked records that answered 404 (hidden from the integration account, or deleted without a notice) and are read
-- again until they read or a week has passed; kept here so that a restart does not lose the edits skipped meanwhile.
-- One row per record, however many instances saw it. Portable SQL: H2 and PostgreSQL.
CREATE TABLE unreadable_records (
    system       VARCHAR(32)              NOT NULL,
    external_id  VARCHAR(255)             NOT NULL,
    hidden_in    VARCHAR(255)             NOT NULL,
    first_seen   TIMESTAMP WITH TIME ZONE NOT NULL,
    looked_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    looks        INTEGER                  NOT NULL,
    CONSTRAINT pk_unreadable_records PRIMARY KEY (system, external_id),
    CONSTRAINT ck_unreadable_records_system CHECK (system IN ('JIRA', 'SERVICENOW'))
);

CREATE INDEX ix_unreadable_records_turn ON unreadable_records (looked_at, looks, first_seen);
