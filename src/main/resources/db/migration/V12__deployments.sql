-- Every deployment run a pipeline reported, one row per source and run id: the reports of one run (started,
-- finished, redelivered, out of order) are merged into it. moved_at is the run's end, or its start while running,
-- so an application's history in an environment is read by time from one index. Portable SQL: H2 and PostgreSQL.
CREATE TABLE deployments (
    source_system  VARCHAR(32)              NOT NULL,
    run_id         VARCHAR(255)             NOT NULL,
    application    VARCHAR(255)             NOT NULL,
    environment    VARCHAR(255)             NOT NULL,
    version        VARCHAR(255)             NOT NULL,
    commit_sha     VARCHAR(64),
    pipeline       VARCHAR(255),
    run_url        VARCHAR(2000),
    started_at     TIMESTAMP WITH TIME ZONE,
    finished_at    TIMESTAMP WITH TIME ZONE,
    result         VARCHAR(16)              NOT NULL,
    is_rollback    BOOLEAN                  NOT NULL,
    change_number  VARCHAR(64),
    moved_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_deployments PRIMARY KEY (source_system, run_id),
    CONSTRAINT ck_deployments_source CHECK (source_system = UPPER(source_system)),
    CONSTRAINT ck_deployments_result CHECK (result IN ('RUNNING', 'SUCCESS', 'FAILURE', 'ABORTED')),
    CONSTRAINT ck_deployments_times CHECK (started_at IS NOT NULL OR finished_at IS NOT NULL)
);

CREATE INDEX ix_deployments_history ON deployments (application, environment, moved_at);
CREATE INDEX ix_deployments_change ON deployments (change_number);
