-- Records proven deleted (a verified delete notice), one row per record. The sync looks here before it takes a
-- 404 for "unreadable": a counterpart known to be deleted is not a permission problem, and a deletion is acted on
-- (cancel, comment) once however often its notice arrives. Portable SQL: H2 and PostgreSQL.
CREATE TABLE deleted_records (
    system       VARCHAR(32)              NOT NULL,
    external_id  VARCHAR(255)             NOT NULL,
    link_id      UUID                     NOT NULL,
    display_key  VARCHAR(255)             NOT NULL,
    evidence     VARCHAR(255)             NOT NULL,
    deleted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_deleted_records PRIMARY KEY (system, external_id),
    CONSTRAINT ck_deleted_records_system CHECK (system IN ('JIRA', 'SERVICENOW'))
);
