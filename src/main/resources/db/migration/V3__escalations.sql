-- What the escalation scan keeps between runs, and the facts behind the follow-up report.
-- Portable SQL: runs unchanged on H2 (default mode) and PostgreSQL.

-- One row per step an item reached. The unique (item_key, ladder_id, step_id) is the claim: whichever scan
-- inserts the row first writes the step; every other scan, concurrent or later, is refused by the database.
-- Its index also serves the lookups by item.
CREATE TABLE escalations (
    id             UUID                     NOT NULL,
    item_key       VARCHAR(255)             NOT NULL,
    ladder_id      VARCHAR(100)             NOT NULL,
    step_id        VARCHAR(100)             NOT NULL,
    board_id       VARCHAR(100),
    kind           VARCHAR(16)              NOT NULL,
    ticket_system  VARCHAR(16),
    ticket_id      VARCHAR(255),
    ticket_key     VARCHAR(255),
    group_key      VARCHAR(255),
    marker         VARCHAR(100),
    state          VARCHAR(16)              NOT NULL,
    days_overdue   BIGINT                   NOT NULL,
    claimed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    raised_at      TIMESTAMP WITH TIME ZONE,
    -- When writing the step was refused for good; kept after a replay re-claims it, as a trace for the admin.
    parked_at      TIMESTAMP WITH TIME ZONE,
    resolved_at    TIMESTAMP WITH TIME ZONE,
    note           TEXT,
    CONSTRAINT pk_escalations PRIMARY KEY (id),
    CONSTRAINT uq_escalations_step UNIQUE (item_key, ladder_id, step_id),
    CONSTRAINT ck_escalations_state CHECK (state IN ('CLAIMED', 'RAISED', 'PARKED', 'RESOLVED')),
    CONSTRAINT ck_escalations_kind CHECK (kind IN ('remind', 'ticket', 'reassign', 'systemic', 'group')),
    CONSTRAINT ck_escalations_ticket_system CHECK (ticket_system IN ('JIRA', 'SERVICENOW')),
    CONSTRAINT ck_escalations_days_overdue CHECK (days_overdue >= 0)
);
-- The admin list (by state, newest first) and the scan's look at what is still open.
CREATE INDEX ix_escalations_state ON escalations (state, claimed_at);
-- The admin list without a state filter, newest first.
CREATE INDEX ix_escalations_claimed ON escalations (claimed_at);

-- One ticket per board per review cycle, when grouping is on. The primary key is the claim on the cycle.
CREATE TABLE escalation_group_tickets (
    group_key      VARCHAR(255)             NOT NULL,
    board_id       VARCHAR(100)             NOT NULL,
    cycle          VARCHAR(32)              NOT NULL,
    ticket_system  VARCHAR(16),
    ticket_id      VARCHAR(255),
    ticket_key     VARCHAR(255),
    marker         VARCHAR(100),
    item_keys      TEXT                     NOT NULL,
    resolved       BOOLEAN                  NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_escalation_group_tickets PRIMARY KEY (group_key),
    CONSTRAINT ck_escalation_group_tickets_system CHECK (ticket_system IN ('JIRA', 'SERVICENOW'))
);

-- What the follow-up report knows of each action item, replaced by every scan.
CREATE TABLE follow_up_facts (
    item_key       VARCHAR(255)             NOT NULL,
    display_key    VARCHAR(255),
    title          TEXT,
    retrospective  TEXT,
    team           VARCHAR(255),
    owner_email    VARCHAR(320),
    due_date       DATE,
    status         VARCHAR(16)              NOT NULL,
    completed_on   DATE,
    escalated      BOOLEAN                  NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_follow_up_facts PRIMARY KEY (item_key),
    CONSTRAINT ck_follow_up_facts_status CHECK (status IN ('open', 'in-progress', 'done', 'cancelled'))
);
-- An admin may ask for an item's escalations by the key people use (PAY-12, PTASK0010001).
CREATE INDEX ix_follow_up_facts_display_key ON follow_up_facts (display_key);
