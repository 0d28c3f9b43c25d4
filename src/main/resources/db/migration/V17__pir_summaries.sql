-- The PIR summary of each release (one row per key: change:<number>, else <application>@<environment>@<version>),
-- replaced when its figures are collected again, and the note or comment each system got it as, so the next
-- collection updates that one instead of adding another. Portable SQL: H2 and PostgreSQL.
CREATE TABLE pir_summaries (
    summary_key     VARCHAR(255)             NOT NULL,
    change_number   VARCHAR(40),
    collected_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    collections     INTEGER                  NOT NULL,
    -- the whole summary (metrics, timeline, data gaps, telemetry) as JSON text
    summary_json    TEXT                     NOT NULL,
    CONSTRAINT pk_pir_summaries PRIMARY KEY (summary_key)
);
CREATE INDEX ix_pir_summaries_change ON pir_summaries (change_number);

CREATE TABLE pir_written_notes (
    summary_key     VARCHAR(255)             NOT NULL,
    system_name     VARCHAR(30)              NOT NULL,
    note_id         VARCHAR(255)             NOT NULL,
    written_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_pir_written_notes PRIMARY KEY (summary_key, system_name),
    CONSTRAINT fk_pir_written_notes_summary FOREIGN KEY (summary_key) REFERENCES pir_summaries (summary_key)
        ON DELETE CASCADE
);
