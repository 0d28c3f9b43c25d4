-- The delivery report for one application reads its runs to an environment by when they finished. The history
-- index (application, environment, moved_at) orders by moved_at and ix_deployments_finished leads with the
-- environment, so that report read every application's runs of the window and dropped all but one application's.
-- This index serves it directly. Portable SQL: H2 and PostgreSQL.
CREATE INDEX ix_deployments_application_finished ON deployments (application, environment, finished_at);
