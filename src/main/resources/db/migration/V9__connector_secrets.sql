-- Secrets the connector generates for itself on first start and must keep across restarts (e.g. the key its
-- correlation ids are derived with). One row per secret; the first writer wins, later starts read it.
CREATE TABLE connector_secrets (
    name        VARCHAR(100)             NOT NULL,
    secret      VARCHAR(200)             NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_connector_secrets PRIMARY KEY (name)
);
