package io.retrobridge.sandbox.servicenow;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tables the simulator knows, with the columns a real instance returns for them. The task columns
 * are exactly those of ServiceNow's own {@code GET /api/now/table/problem} example, the incident columns
 * those of its {@code GET /api/now/table/incident/{sys_id}} example, so a connector sees the same shapes.
 */
final class ServiceNowDictionary {

    static final String PROBLEM_TASK = "problem_task";
    static final String PROBLEM = "problem";
    static final String CHANGE_REQUEST = "change_request";
    static final String INCIDENT = "incident";
    static final String SC_TASK = "sc_task";
    static final String SYS_USER = "sys_user";
    static final String SYS_USER_GROUP = "sys_user_group";
    static final String SYS_JOURNAL_FIELD = "sys_journal_field";

    private static final Map<String, String> PRIORITY = ordered("1", "1 - Critical", "2", "2 - High",
            "3", "3 - Moderate", "4", "4 - Low", "5", "5 - Planning");
    private static final Map<String, String> IMPACT_URGENCY = ordered("1", "1 - High", "2", "2 - Medium", "3", "3 - Low");

    private final Map<String, TableDefinition> tables = new LinkedHashMap<>();

    ServiceNowDictionary() {
        add(task(PROBLEM_TASK, "PTASK").roles(Set.of("itil", "problem_task_analyst", "problem_admin"), Set.of())
                .state("151", "151", "New", "152", "Assess", "154", "Work in Progress", "157", "Closed")
                .inactiveIn("157").derivesPriority()
                .reference("problem", PROBLEM)
                .choice("problem_task_type", "general", false, "rca", "Root Cause Analysis", "general", "General")
                .choice("close_code", "", false, "fix_applied", "Fix Applied", "canceled", "Canceled")
                .string("cause_code").string("fix_notes").string("workaround")
                .dateTime("started_at").reference("started_by", SYS_USER)
                .integer("reopen_count", "0")
                // Custom columns an admin adds for RetroBridge: the escalation marker and the classification.
                .string("u_escalation").string("u_retro_scope").string("u_retro_kind").string("u_release_phase")
                .string("u_retro_rule")
                .build());
        add(task(PROBLEM, "PRB").roles(Set.of("itil", "problem_admin"), Set.of("sn_problem_read"))
                .state("101", "101", "New", "102", "Assess", "103", "Root Cause Analysis", "104", "Fix in Progress",
                        "106", "Resolved", "107", "Closed")
                .inactiveIn("107").derivesPriority()
                .reference("rfc", CHANGE_REQUEST)
                .build());
        add(task(CHANGE_REQUEST, "CHG").roles(Set.of("itil", "change_manager"), Set.of("sn_change_read"))
                .state("-5", "-5", "New", "-4", "Assess", "-3", "Authorize", "-2", "Scheduled", "-1", "Implement",
                        "0", "Review", "3", "Closed", "4", "Canceled")
                .inactiveIn("3", "4")
                .choice("type", "normal", false, "standard", "Standard", "normal", "Normal", "emergency", "Emergency")
                .choice("risk", "3", true, "1", "Very High", "2", "High", "3", "Moderate", "4", "Low")
                .choice("close_code", "", false, "successful", "Successful", "successful_issues", "Successful with issues",
                        "unsuccessful", "Unsuccessful")
                .string("category", "Other").string("reason").string("justification").string("implementation_plan")
                .string("backout_plan").string("test_plan").dateTime("start_date").dateTime("end_date")
                .reference("requested_by", SYS_USER).bool("cab_required", "false").dateTime("cab_date")
                .reference("cab_delegate", SYS_USER).string("cab_recommendation").bool("on_hold", "false")
                .string("on_hold_reason").string("conflict_status", "Not Run").dateTime("review_date")
                .bool("production_system", "false").bool("outside_maintenance_schedule", "false")
                .build());
        TableBuilder incident = task(INCIDENT, "INC").roles(Set.of("itil", "sn_incident_write"), Set.of("sn_incident_read"))
                .state("1", "1", "New", "2", "In Progress", "3", "On Hold", "6", "Resolved", "7", "Closed", "8", "Canceled")
                .inactiveIn("7", "8").derivesPriority()
                .integer("reopen_count", "0").string("category", "inquiry")
                .choice("incident_state", "1", true, "1", "New", "2", "In Progress", "3", "On Hold", "6", "Resolved",
                        "7", "Closed", "8", "Canceled")
                .string("calendar_stc").string("business_stc").reference("caller_id", SYS_USER)
                .reference("parent_incident", INCIDENT).reference("rfc", CHANGE_REQUEST).integer("child_incidents", "0")
                .reference("resolved_by", SYS_USER).choice("notify", "1", true, "1", "Do Not Notify", "2", "Send Email")
                .reference("problem_id", PROBLEM).string("close_code").reference("caused_by", CHANGE_REQUEST)
                .choice("severity", "3", true, "1", "1 - High", "2", "2 - Medium", "3", "3 - Low")
                .dateTime("resolved_at").string("subcategory");
        add(incident.build());
        // Catalog Task: the queue review boards work from (tickets RetroBridge raises land here).
        add(task(SC_TASK, "SCTASK").roles(Set.of("itil", "catalog_admin"), Set.of())
                .state("1", "1", "Open", "2", "Work in Progress", "3", "Closed Complete", "4", "Closed Incomplete",
                        "7", "Closed Skipped")
                .inactiveIn("3", "4", "7")
                .reference("request_item", "sc_req_item").reference("request", "sc_request")
                .build());
        add(new TableBuilder(SYS_USER, null, "name").roles(Set.of("user_admin"), Set.of("*"))
                .string("sys_id").string("user_name").string("first_name").string("last_name").string("name")
                .string("email").string("title").string("phone").reference("manager", SYS_USER)
                .bool("active", "true").bool("locked_out", "false").string("time_zone")
                .string("sys_class_name").reference("sys_domain", SYS_USER_GROUP, "global").string("sys_domain_path", "/")
                .audit().build());
        add(new TableBuilder(SYS_USER_GROUP, null, "name").roles(Set.of("user_admin"), Set.of("*"))
                .string("sys_id").string("name").string("description").string("email")
                .reference("manager", SYS_USER).reference("parent", SYS_USER_GROUP).bool("active", "true").string("type")
                .reference("sys_domain", SYS_USER_GROUP, "global").string("sys_domain_path", "/")
                .audit().build());
        add(new TableBuilder(SYS_JOURNAL_FIELD, null, "value").roles(Set.of(), Set.of("itil"))
                .string("sys_id").string("name").string("element").string("element_id").string("value")
                .dateTime("sys_created_on").string("sys_created_by").string("sys_tags")
                .build());
        addPirColumns();
        addReleaseGateColumn();
    }

    Optional<TableDefinition> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    /** The table a reference field points at, if this simulator holds it. */
    Optional<TableDefinition> referencedTable(FieldDefinition field) {
        return field.isReference() ? table(field.referenceTable()) : Optional.empty();
    }

    List<TableDefinition> all() {
        return List.copyOf(tables.values());
    }

    private void add(TableDefinition table) {
        tables.put(table.name(), table);
    }

    /** The columns every task-based table has, in the order of ServiceNow's problem example. */
    private static TableBuilder task(String name, String prefix) {
        return new TableBuilder(name, prefix, "number")
                .reference("parent", "task").bool("made_sla", "true").string("watch_list")
                .string("upon_reject", "cancel").string("approval_history").string("number")
                .reference("opened_by", SYS_USER).string("user_input")
                .reference("sys_domain", SYS_USER_GROUP, "global").bool("knowledge", "false")
                .integer("order", "").dateTime("closed_at").reference("cmdb_ci", "cmdb_ci").string("delivery_plan")
                .choice("impact", "3", true, IMPACT_URGENCY).bool("active", "true").string("work_notes_list")
                .reference("business_service", "cmdb_ci_service").choice("priority", "5", true, PRIORITY)
                .string("sys_domain_path", "/").string("time_worked").dateTime("expected_start")
                .reference("rejection_goto", "task").dateTime("opened_at").string("business_duration")
                .string("group_list").dateTime("work_end").dateTime("approval_set").string("wf_activity")
                .journal("work_notes").string("short_description").string("correlation_display")
                .string("delivery_task").dateTime("work_start").reference("assignment_group", SYS_USER_GROUP)
                .string("additional_assignee_list").string("description").string("calendar_duration")
                .string("close_notes").string("sys_class_name").reference("closed_by", SYS_USER)
                .dateTime("follow_up").string("sys_id").string("contact_type")
                .choice("urgency", "3", true, IMPACT_URGENCY).reference("company", "core_company")
                .integer("reassignment_count", "0").dateTime("activity_due").reference("assigned_to", SYS_USER)
                .journal("comments").string("approval", "not requested").dateTime("sla_due")
                .string("comments_and_work_notes").dateTime("due_date")
                .choice("escalation", "0", true, "0", "Normal", "1", "Moderate", "2", "High", "3", "Overdue")
                .string("upon_approval", "proceed").string("correlation_id").reference("location", "cmn_location")
                .audit();
    }

    private static Map<String, String> ordered(String... codesAndLabels) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < codesAndLabels.length; i += 2) {
            map.put(codesAndLabels[i], codesAndLabels[i + 1]);
        }
        return map;
    }

    /** Assembles one table definition; keeps the dictionary above readable. */
    private static final class TableBuilder {
        private final String name;
        private final String prefix;
        private final String displayField;
        private final Map<String, FieldDefinition> fields = new LinkedHashMap<>();
        private Set<String> writeRoles = Set.of();
        private Set<String> readRoles = Set.of();
        private Set<String> inactiveStates = Set.of();
        private boolean derivesPriority;
        private boolean audit;

        TableBuilder(String name, String prefix, String displayField) {
            this.name = name;
            this.prefix = prefix;
            this.displayField = displayField;
        }

        /** {@code readOnlyRoles} containing "*" lets every authenticated user read. */
        TableBuilder roles(Set<String> write, Set<String> readOnlyRoles) {
            this.writeRoles = write;
            Set<String> read = new HashSet<>(write);
            read.addAll(readOnlyRoles);
            this.readRoles = readOnlyRoles.contains("*") ? Set.of() : read;
            return this;
        }

        TableBuilder state(String defaultCode, String... codesAndLabels) {
            return choice("state", defaultCode, true, ordered(codesAndLabels));
        }

        TableBuilder inactiveIn(String... states) {
            this.inactiveStates = Set.of(states);
            return this;
        }

        TableBuilder derivesPriority() {
            this.derivesPriority = true;
            return this;
        }

        TableBuilder string(String field) {
            return string(field, "");
        }

        TableBuilder string(String field, String defaultValue) {
            return put(field, FieldType.STRING, null, Map.of(), defaultValue, false);
        }

        TableBuilder integer(String field, String defaultValue) {
            return put(field, FieldType.INTEGER, null, Map.of(), defaultValue, false);
        }

        TableBuilder bool(String field, String defaultValue) {
            return put(field, FieldType.BOOLEAN, null, Map.of(), defaultValue, false);
        }

        TableBuilder dateTime(String field) {
            return put(field, FieldType.DATE_TIME, null, Map.of(), "", false);
        }

        TableBuilder journal(String field) {
            return put(field, FieldType.JOURNAL, null, Map.of(), "", false);
        }

        TableBuilder reference(String field, String table) {
            return reference(field, table, "");
        }

        TableBuilder reference(String field, String table, String defaultValue) {
            return put(field, FieldType.REFERENCE, table, Map.of(), defaultValue, false);
        }

        TableBuilder choice(String field, String defaultCode, boolean numeric, String... codesAndLabels) {
            return choice(field, defaultCode, numeric, ordered(codesAndLabels));
        }

        TableBuilder choice(String field, String defaultCode, boolean numeric, Map<String, String> choices) {
            return put(field, FieldType.CHOICE, null, choices, defaultCode, numeric);
        }

        /** The audit columns every record carries. */
        TableBuilder audit() {
            this.audit = true;
            return dateTime("sys_created_on").string("sys_created_by").dateTime("sys_updated_on")
                    .string("sys_updated_by").integer("sys_mod_count", "0").string("sys_tags");
        }

        TableDefinition build() {
            if (fields.containsKey("sys_class_name")) {
                fields.put("sys_class_name", new FieldDefinition("sys_class_name", FieldType.STRING, null, Map.of(),
                        name, false));
            }
            return new TableDefinition(name, prefix, displayField, fields, readRoles, writeRoles, inactiveStates,
                    derivesPriority, audit);
        }

        private TableBuilder put(String field, FieldType type, String table, Map<String, String> choices,
                String defaultValue, boolean numeric) {
            fields.put(field, new FieldDefinition(field, type, table, choices, defaultValue, numeric));
            return this;
        }
    }

    /**
     * Adds the column the Major Incident Management plugin (com.snc.incident.mim) adds to incident,
     * {@code major_incident_state}. Records stored before read it as empty.
     */
    void activateMajorIncidentManagement() {
        TableDefinition incident = tables.get(INCIDENT);
        Map<String, FieldDefinition> fields = new LinkedHashMap<>(incident.fields());
        fields.put("major_incident_state", new FieldDefinition("major_incident_state", FieldType.CHOICE, null,
                ordered("proposed", "Proposed", "accepted", "Accepted", "rejected", "Rejected", "canceled", "Canceled"),
                "", false));
        add(new TableDefinition(incident.name(), incident.numberPrefix(), incident.displayField(), fields,
                incident.readRoles(), incident.writeRoles(), incident.inactiveStates(), incident.derivesPriority(),
                incident.keepsAudit()));
    }

    /**
     * The custom columns an admin adds to change_request for RetroBridge's PIR figures: the latest summary (a long
     * string) and one line per metric. A write to a {@code u_} column the instance does not have is ignored, as the
     * Table API ignores every unknown field.
     */
    private void addPirColumns() {
        TableDefinition change = tables.get(CHANGE_REQUEST);
        Map<String, FieldDefinition> fields = new LinkedHashMap<>(change.fields());
        for (String name : List.of("u_pir_summary", "u_pir_error_rate", "u_pir_latency_p95", "u_pir_throughput")) {
            fields.put(name, new FieldDefinition(name, FieldType.STRING, null, Map.of(), "", false));
        }
        add(new TableDefinition(change.name(), change.numberPrefix(), change.displayField(), fields,
                change.readRoles(), change.writeRoles(), change.inactiveStates(), change.derivesPriority(),
                change.keepsAudit()));
    }

    /** The custom column an admin adds to change_request for the deployment gate's latest answer (gates.yaml). */
    private void addReleaseGateColumn() {
        TableDefinition change = tables.get(CHANGE_REQUEST);
        Map<String, FieldDefinition> fields = new LinkedHashMap<>(change.fields());
        fields.put("u_release_gate", new FieldDefinition("u_release_gate", FieldType.STRING, null, Map.of(), "", false));
        add(new TableDefinition(change.name(), change.numberPrefix(), change.displayField(), fields,
                change.readRoles(), change.writeRoles(), change.inactiveStates(), change.derivesPriority(),
                change.keepsAudit()));
    }
}
