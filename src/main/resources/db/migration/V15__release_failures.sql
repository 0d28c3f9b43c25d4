-- The failed releases of each program (retrospectives.yaml `programs`), one row per release key however often its
-- facts arrive, so that a run of them opens one program-level retrospective; covered_by names that retrospective
-- once one covers the release. Portable SQL: H2 and PostgreSQL.
CREATE TABLE release_failures (
    release_key  VARCHAR(255)             NOT NULL,
    program      VARCHAR(100)             NOT NULL,
    application  VARCHAR(255),
    failed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    covered_by   VARCHAR(255),
    CONSTRAINT pk_release_failures PRIMARY KEY (release_key)
);

CREATE INDEX ix_release_failures_program ON release_failures (program, failed_at);
