-- Every answer the deployment gate gave: who asked (the API key's name), about what, the decision and the whole
-- answer as served, so a caller polling its status URL reads the same JSON and a release manager can see later why a
-- release was held back. Portable SQL: H2 and PostgreSQL.
CREATE TABLE gate_evaluations (
    id              VARCHAR(36)              NOT NULL,
    gate            VARCHAR(64)              NOT NULL,
    application     VARCHAR(64)              NOT NULL,
    version         VARCHAR(128),
    environment     VARCHAR(64)              NOT NULL,
    commit_sha      VARCHAR(64),
    change_number   VARCHAR(40),
    requester       VARCHAR(255)             NOT NULL,
    decision        VARCHAR(10)              NOT NULL,
    reason          TEXT                     NOT NULL,
    -- the answer as served (decision, reason, blocking items with links, warnings, rules, waivers) as JSON text
    answer_json     TEXT                     NOT NULL,
    decided_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_gate_evaluations PRIMARY KEY (id)
);
CREATE INDEX ix_gate_evaluations_application ON gate_evaluations (application, decided_at);
CREATE INDEX ix_gate_evaluations_decided_at ON gate_evaluations (decided_at);
