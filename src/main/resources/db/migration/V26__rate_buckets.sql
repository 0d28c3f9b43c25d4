-- One bucket per remote system, shared by every instance, so the requests-per-second a system allows is spent by
-- all instances together rather than by each on its own. The database keeps the time: every figure is in
-- microseconds of the database's clock, so the instances' own clocks never matter.
-- next_at_us is when the next call may start; each permit moves it on by interval_us (1 / requests_per_second),
-- and a quiet bucket banks at most burst permits. Written from the instances' settings when they first call a system.
-- Portable SQL: runs unchanged on H2 (default mode) and PostgreSQL.
CREATE TABLE rate_buckets (
    remote_system        VARCHAR(32)      NOT NULL,
    requests_per_second  DOUBLE PRECISION NOT NULL,
    burst                INTEGER          NOT NULL,
    interval_us          BIGINT           NOT NULL,
    next_at_us           BIGINT           NOT NULL,
    CONSTRAINT pk_rate_buckets PRIMARY KEY (remote_system),
    CONSTRAINT ck_rate_buckets_limit CHECK (requests_per_second > 0 AND burst >= 1 AND interval_us >= 1)
);
