-- How often an event was handed back to waiting, unfinished, because a system it needs refused calls (its circuit
-- breaker was open). Lets the deferral be journaled once per event rather than on every drain tick.
-- Portable SQL: H2 (default mode) and PostgreSQL.
ALTER TABLE inbound_events ADD COLUMN deferrals INTEGER DEFAULT 0 NOT NULL;
