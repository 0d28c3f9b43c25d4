-- The fields of a snapshot that say what state an action item is in, kept beside its JSON: the reports read them for
-- every item in the store, which is fast only without reading and parsing each snapshot whole. Written with the
-- snapshot; V24 copies them out of the snapshots already stored. Unbounded: a copy, never shorter than the field.
ALTER TABLE link_snapshots ADD COLUMN item_status VARCHAR;
ALTER TABLE link_snapshots ADD COLUMN item_due_date VARCHAR;
ALTER TABLE link_snapshots ADD COLUMN item_failure_mode VARCHAR;
