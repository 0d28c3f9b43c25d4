-- When the deployed commit was made, for the change lead time; null when the intake did not say. The finish index
-- serves the delivery report, which reads every application's runs to an environment by when they finished.
-- Portable SQL: H2 and PostgreSQL.
ALTER TABLE deployments ADD COLUMN commit_at TIMESTAMP WITH TIME ZONE;

CREATE INDEX ix_deployments_finished ON deployments (environment, finished_at);
