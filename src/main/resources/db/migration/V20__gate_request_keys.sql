-- A gate asked through a caller's hook (GitHub, GitLab, Azure DevOps) is asked once per run and environment: the
-- decided answer is kept under that request key, and a redelivered or retried hook gets the same answer back instead
-- of a second, possibly different one. Direct callers ask without a key (null, any number of rows).
-- Portable SQL: H2 and PostgreSQL.
ALTER TABLE gate_evaluations ADD COLUMN request_key VARCHAR(300);
CREATE UNIQUE INDEX ux_gate_evaluations_request_key ON gate_evaluations (request_key);
