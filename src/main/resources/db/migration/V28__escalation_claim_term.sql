-- The leadership term (leader_terms.term) an escalation step was claimed under, when several instances elect a
-- leader (retrobridge.cluster.mode=jdbc). A step still CLAIMED under an older term than the one the scanning leader
-- holds was left by a leader that has lost the election since (killed, cut off): the new leader finishes it at once
-- instead of waiting for the claim to age. NULL with one instance (mode none) and on rows claimed before this column.
-- Portable SQL: runs unchanged on H2 (default mode) and PostgreSQL.
ALTER TABLE escalations ADD COLUMN claim_term BIGINT;
