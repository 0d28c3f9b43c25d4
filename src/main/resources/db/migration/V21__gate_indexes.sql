-- The deployment gate finds the links of an application's follow-ups by their ServiceNow sys_ids, hundreds in one
-- statement (link_id of external_system = ? AND external_id IN (...)). H2 uses an IN list only on the first column
-- of an index, and the unique key (external_system, external_id) leads with the system: H2 read every ServiceNow id
-- in the store for each answer (100,000 rows, 20 to 35 ms, in the benchmark's gate phase). This index leads with the
-- id and holds every column the lookup reads, which is what makes H2 choose it over the unique key (2 ms); on
-- PostgreSQL it serves the same lookup from the index alone. Portable SQL: H2 and PostgreSQL.
CREATE INDEX ix_link_external_ids_external_id ON link_external_ids (external_id, external_system, link_id);
