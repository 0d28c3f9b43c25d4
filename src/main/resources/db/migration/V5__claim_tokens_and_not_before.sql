-- Fencing, waiting until a time, and the kind of error a dead letter was parked for.
-- Portable SQL: H2 (default mode) and PostgreSQL.

-- claim_token grows by one with every claim of the event: completing, deferring or renewing a claim must name the
-- token it was given, so a worker whose claim went stale and was taken over can no longer finish the event.
ALTER TABLE inbound_events ADD COLUMN claim_token BIGINT DEFAULT 0 NOT NULL;
-- A deferred event is not claimed before this instant (a rate limit's Retry-After, an open breaker's wait).
ALTER TABLE inbound_events ADD COLUMN not_before TIMESTAMP WITH TIME ZONE;
-- When the event was first deferred; past retrobridge.sync.max-deferral it is parked instead of waiting again.
ALTER TABLE inbound_events ADD COLUMN deferred_since TIMESTAMP WITH TIME ZONE;

-- What kind of failure parked the letter (rate_limited, server_error, deferred_too_long, ...), so dead letters can
-- be replayed in bulk by kind.
ALTER TABLE dead_letters ADD COLUMN error_kind VARCHAR(32) DEFAULT 'other' NOT NULL;
CREATE INDEX ix_dead_letters_replay ON dead_letters (source_system, error_kind, parked_at);
