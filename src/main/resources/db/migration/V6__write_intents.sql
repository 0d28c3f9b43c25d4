-- Every remote write is announced before it is sent: an INTENT entry in the journal says what is about to be
-- written to which record and why, and a write_intents row keeps it open until an outcome entry settles it.
-- An intent still open after a crash says what may have been written; the next run of the item settles it.
-- Portable SQL: runs unchanged on H2 (default mode) and PostgreSQL.
ALTER TABLE journal DROP CONSTRAINT ck_journal_action;
ALTER TABLE journal ADD CONSTRAINT ck_journal_action
    CHECK (action IN ('RECEIVED', 'WROTE', 'SKIPPED', 'PARKED', 'CONFLICT', 'ERROR', 'INTENT'));

-- One row per announced write. journal_id is the INTENT entry (no foreign key: journal retention may purge it);
-- marker is what the written record carries or will carry (an action item's correlation id, a ticket's marker),
-- so a create whose answer was lost is found by it; subject is the record whose sync settles it (a create's origin,
-- an update's target). outcome_journal_id is the entry that says what came of it.
CREATE TABLE write_intents (
    journal_id          BIGINT                   NOT NULL,
    attempted_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    subject_system      VARCHAR(16)              NOT NULL,
    subject_id          VARCHAR(255)             NOT NULL,
    operation           VARCHAR(16)              NOT NULL,
    target_system       VARCHAR(16)              NOT NULL,
    target_id           VARCHAR(255),
    marker              VARCHAR(255)             NOT NULL,
    settled_at          TIMESTAMP WITH TIME ZONE,
    outcome_journal_id  BIGINT,
    CONSTRAINT pk_write_intents PRIMARY KEY (journal_id),
    CONSTRAINT ck_write_intents_operation CHECK (operation IN ('CREATE', 'UPDATE', 'TRANSITION', 'COMMENT', 'CANCEL')),
    CONSTRAINT ck_write_intents_target CHECK (target_system IN ('JIRA', 'SERVICENOW')),
    CONSTRAINT ck_write_intents_subject CHECK (subject_system IN ('JIRA', 'SERVICENOW'))
);
CREATE INDEX ix_write_intents_marker ON write_intents (marker, settled_at);
CREATE INDEX ix_write_intents_open ON write_intents (settled_at, attempted_at);
