-- Which action items belong to which retrospective, as last read from ServiceNow (the tasks under the
-- retrospective's problem), so the deployment gate and readiness answer without a remote call. A task is named by
-- its sys_id, the id link_external_ids holds for ServiceNow, so it joins with the links of synced items and still
-- names tasks not linked yet. The refresh time is kept per retrospective, apart from the rows, so a retrospective
-- read with no tasks is told from one never read. Portable SQL: H2 and PostgreSQL.
CREATE TABLE retrospective_follow_up_refreshes (
    retrospective_id UUID                     NOT NULL,
    refreshed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_retrospective_follow_up_refreshes PRIMARY KEY (retrospective_id),
    CONSTRAINT fk_retrospective_follow_up_refreshes FOREIGN KEY (retrospective_id) REFERENCES retrospectives (id)
        ON DELETE CASCADE
);

-- The primary key leads with the retrospective: it serves the lookups by retrospective.
CREATE TABLE retrospective_follow_ups (
    retrospective_id UUID        NOT NULL,
    task_sys_id      VARCHAR(32) NOT NULL,
    CONSTRAINT pk_retrospective_follow_ups PRIMARY KEY (retrospective_id, task_sys_id),
    CONSTRAINT fk_retrospective_follow_ups FOREIGN KEY (retrospective_id)
        REFERENCES retrospective_follow_up_refreshes (retrospective_id) ON DELETE CASCADE
);

-- From an action item to its retrospective.
CREATE INDEX ix_retrospective_follow_ups_task ON retrospective_follow_ups (task_sys_id);
