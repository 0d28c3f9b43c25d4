-- One row per retrospective, opened once per trigger key (a release or a program's run of failed releases). The
-- records it made in Jira and ServiceNow are filled in step by step as each create is settled, so a run cut off
-- half way resumes where it stopped. Portable SQL: H2 and PostgreSQL.
CREATE TABLE retrospectives (
    id                   UUID                     NOT NULL,
    trigger_key          VARCHAR(255)             NOT NULL,
    rule_id              VARCHAR(255)             NOT NULL,
    tier                 VARCHAR(255)             NOT NULL,
    reason               VARCHAR(2000)            NOT NULL,
    application          VARCHAR(255),
    environment          VARCHAR(255),
    version              VARCHAR(255),
    change_number        VARCHAR(255),
    program              VARCHAR(255),
    due                  DATE                     NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    servicenow_table     VARCHAR(80)              NOT NULL,
    servicenow_sys_id    VARCHAR(32),
    servicenow_number    VARCHAR(255),
    change_sys_id        VARCHAR(32),
    rfc_note             VARCHAR(1000),
    jira_issue_id        VARCHAR(255),
    jira_key             VARCHAR(255),
    linked_at            TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_retrospectives PRIMARY KEY (id),
    CONSTRAINT uq_retrospectives_trigger_key UNIQUE (trigger_key)
);

CREATE INDEX ix_retrospectives_created ON retrospectives (created_at);
CREATE INDEX ix_retrospectives_application ON retrospectives (application, created_at);
