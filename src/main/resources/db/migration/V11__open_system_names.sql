-- Systems are no longer a fixed pair: a new source package registers its own system name (domain.ExternalSystem).
-- The checks that listed JIRA and SERVICENOW become a check of the name's shape (upper case, as
-- ExternalSystem.valueOf accepts), and the columns take the longest name it accepts.

ALTER TABLE inbound_events DROP CONSTRAINT ck_inbound_events_source;
ALTER TABLE inbound_events ALTER COLUMN source_system SET DATA TYPE VARCHAR(32);
ALTER TABLE inbound_events ADD CONSTRAINT ck_inbound_events_source CHECK (source_system = UPPER(source_system));

ALTER TABLE dead_letters DROP CONSTRAINT ck_dead_letters_source;
ALTER TABLE dead_letters ALTER COLUMN source_system SET DATA TYPE VARCHAR(32);
ALTER TABLE dead_letters ADD CONSTRAINT ck_dead_letters_source CHECK (source_system = UPPER(source_system));

ALTER TABLE link_external_ids DROP CONSTRAINT ck_link_external_ids_system;
ALTER TABLE link_external_ids ALTER COLUMN external_system SET DATA TYPE VARCHAR(32);
ALTER TABLE link_external_ids ADD CONSTRAINT ck_link_external_ids_system CHECK (external_system = UPPER(external_system));

ALTER TABLE link_snapshots DROP CONSTRAINT ck_link_snapshots_system;
ALTER TABLE link_snapshots ALTER COLUMN external_system SET DATA TYPE VARCHAR(32);
ALTER TABLE link_snapshots ADD CONSTRAINT ck_link_snapshots_system CHECK (external_system = UPPER(external_system));

ALTER TABLE journal DROP CONSTRAINT ck_journal_subject_system;
ALTER TABLE journal ALTER COLUMN subject_system SET DATA TYPE VARCHAR(32);
ALTER TABLE journal ADD CONSTRAINT ck_journal_subject_system CHECK (subject_system = UPPER(subject_system));

ALTER TABLE write_intents DROP CONSTRAINT ck_write_intents_target;
ALTER TABLE write_intents ALTER COLUMN target_system SET DATA TYPE VARCHAR(32);
ALTER TABLE write_intents ADD CONSTRAINT ck_write_intents_target CHECK (target_system = UPPER(target_system));

ALTER TABLE write_intents DROP CONSTRAINT ck_write_intents_subject;
ALTER TABLE write_intents ALTER COLUMN subject_system SET DATA TYPE VARCHAR(32);
ALTER TABLE write_intents ADD CONSTRAINT ck_write_intents_subject CHECK (subject_system = UPPER(subject_system));

ALTER TABLE escalations DROP CONSTRAINT ck_escalations_ticket_system;
ALTER TABLE escalations ALTER COLUMN ticket_system SET DATA TYPE VARCHAR(32);
ALTER TABLE escalations ADD CONSTRAINT ck_escalations_ticket_system CHECK (ticket_system = UPPER(ticket_system));

ALTER TABLE escalation_group_tickets DROP CONSTRAINT ck_escalation_group_tickets_system;
ALTER TABLE escalation_group_tickets ALTER COLUMN ticket_system SET DATA TYPE VARCHAR(32);
ALTER TABLE escalation_group_tickets ADD CONSTRAINT ck_escalation_group_tickets_system CHECK (ticket_system = UPPER(ticket_system));

ALTER TABLE deleted_records DROP CONSTRAINT ck_deleted_records_system;
ALTER TABLE deleted_records ALTER COLUMN system SET DATA TYPE VARCHAR(32);
ALTER TABLE deleted_records ADD CONSTRAINT ck_deleted_records_system CHECK (system = UPPER(system));

ALTER TABLE unreadable_records DROP CONSTRAINT ck_unreadable_records_system;
ALTER TABLE unreadable_records ALTER COLUMN system SET DATA TYPE VARCHAR(32);
ALTER TABLE unreadable_records ADD CONSTRAINT ck_unreadable_records_system CHECK (system = UPPER(system));
