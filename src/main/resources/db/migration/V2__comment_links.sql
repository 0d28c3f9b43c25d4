-- Comments copied between the two records of a link: one row per original and its copy. A row is written
-- with only the original's id before the copy is posted (the claim that stops a second worker copying it
-- too), and completed with the copy's id afterwards. Each id belongs to at most one row, so a comment is
-- never copied twice and a copy is never mistaken for an original. Portable SQL: H2 and PostgreSQL.
CREATE TABLE comment_links (
    link_id                UUID                     NOT NULL,
    jira_comment_id        VARCHAR(255),
    servicenow_journal_id  VARCHAR(255),
    direction              VARCHAR(32)              NOT NULL,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_comment_links_jira UNIQUE (jira_comment_id),
    CONSTRAINT uq_comment_links_servicenow UNIQUE (servicenow_journal_id),
    CONSTRAINT fk_comment_links_link FOREIGN KEY (link_id) REFERENCES links (id),
    CONSTRAINT ck_comment_links_direction CHECK (direction IN ('JIRA_TO_SERVICENOW', 'SERVICENOW_TO_JIRA')),
    -- The original's id is always there; the copy's may still be missing.
    CONSTRAINT ck_comment_links_original CHECK (
        (direction = 'JIRA_TO_SERVICENOW' AND jira_comment_id IS NOT NULL)
        OR (direction = 'SERVICENOW_TO_JIRA' AND servicenow_journal_id IS NOT NULL))
);
CREATE INDEX ix_comment_links_link ON comment_links (link_id);
