-- Every alert firing Alertmanager told us of, one row per notification group, fingerprint and start: the firing and
-- the resolved notification of one firing are merged into it, and a resolution once recorded stays. The service
-- index serves "which of a service's alerts were active in a window". alert_truncations notes each notification
-- that left alerts out (truncatedAlerts > 0), one row per group and arrival. Portable SQL: H2 and PostgreSQL.
CREATE TABLE alerts (
    group_key       VARCHAR(1000)            NOT NULL,
    fingerprint     VARCHAR(255)             NOT NULL,
    starts_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at         TIMESTAMP WITH TIME ZONE,
    alert_name      VARCHAR(1000)            NOT NULL,
    service         VARCHAR(1000),
    environment     VARCHAR(1000),
    severity        VARCHAR(1000),
    summary         TEXT,
    generator_url   VARCHAR(2000),
    labels          TEXT                     NOT NULL,
    deployment_run  VARCHAR(300),
    CONSTRAINT pk_alerts PRIMARY KEY (group_key, fingerprint, starts_at),
    CONSTRAINT ck_alerts_times CHECK (ends_at IS NULL OR ends_at >= starts_at)
);

CREATE INDEX ix_alerts_service ON alerts (service, starts_at);

CREATE TABLE alert_truncations (
    group_key    VARCHAR(1000)            NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    receiver     VARCHAR(255),
    service      VARCHAR(1000),
    truncated    BIGINT                   NOT NULL,
    CONSTRAINT pk_alert_truncations PRIMARY KEY (group_key, received_at),
    CONSTRAINT ck_alert_truncations_count CHECK (truncated > 0)
);

CREATE INDEX ix_alert_truncations_received ON alert_truncations (received_at);
