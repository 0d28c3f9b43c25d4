package io.retrobridge.sandbox.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.sandbox.SandboxJson;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a change request as the Change Management API answers it: every column of the change form as
 * {@code {"display_value","value"}}, booleans and numbers as JSON booleans and numbers, date-times with
 * a {@code display_value_internal}, and columns the simulated instance does not keep as empty strings.
 */
final class ChangeRecordRenderer {

    /** The columns a real instance answers with, in its order. */
    private static final List<String> FIELDS = List.of(
            "reason", "parent", "watch_list", "proposed_change", "upon_reject", "sys_updated_on", "type",
            "approval_history", "skills", "test_plan", "number", "is_bulk", "cab_delegate", "requested_by_date",
            "ci_class", "state", "sys_created_by", "knowledge", "order", "phase", "cmdb_ci", "delivery_plan",
            "impact", "contract", "active", "work_notes_list", "priority", "sys_domain_path", "cab_recommendation",
            "production_system", "rejection_goto", "review_date", "requested_by", "business_duration", "group_list",
            "change_plan", "approval_set", "wf_activity", "implementation_plan", "universal_request", "end_date",
            "short_description", "correlation_display", "work_start", "delivery_task",
            "outside_maintenance_schedule", "additional_assignee_list", "std_change_producer_version",
            "sys_class_name", "service_offering", "closed_by", "follow_up", "review_status", "reassignment_count",
            "start_date", "assigned_to", "variables", "sla_due", "comments_and_work_notes", "escalation",
            "upon_approval", "correlation_id", "made_sla", "backout_plan", "conflict_status",
            "task_effective_number", "sys_updated_by", "opened_by", "user_input", "sys_created_on", "on_hold_task",
            "sys_domain", "route_reason", "closed_at", "review_comments", "business_service", "time_worked",
            "chg_model", "expected_start", "opened_at", "work_end", "phase_state", "cab_date", "work_notes",
            "close_code", "assignment_group", "description", "on_hold_reason", "calendar_duration", "close_notes",
            "sys_id", "contact_type", "cab_required", "urgency", "scope", "company", "justification", "activity_due",
            "comments", "approval", "due_date", "sys_mod_count", "on_hold", "sys_tags", "conflict_last_run",
            "risk_value", "unauthorized", "risk", "location", "category", "risk_impact_analysis");
    private static final Set<String> BOOLEANS = Set.of(
            "is_bulk", "knowledge", "active", "production_system", "outside_maintenance_schedule", "made_sla",
            "cab_required", "on_hold", "unauthorized");
    private static final Set<String> NUMBERS = Set.of(
            "state", "impact", "priority", "reassignment_count", "escalation", "urgency", "scope", "sys_mod_count",
            "risk");
    private static final Set<String> DATE_TIMES = Set.of(
            "sys_updated_on", "requested_by_date", "review_date", "approval_set", "end_date", "work_start",
            "follow_up", "start_date", "sla_due", "sys_created_on", "closed_at", "expected_start", "opened_at",
            "work_end", "cab_date", "activity_due", "due_date", "conflict_last_run");
    /** Columns of the change form the simulated instance does not keep, answered with the form's defaults. */
    private static final Map<String, List<String>> UNKEPT_DEFAULTS = Map.of(
            "is_bulk", List.of("false", "false"), "unauthorized", List.of("false", "false"),
            "scope", List.of("Medium", "3"));
    private static final RenderOptions BOTH = new RenderOptions(RenderOptions.DisplayMode.ALL, null, true);

    private final RecordRenderer renderer;

    ChangeRecordRenderer(RecordRenderer renderer) {
        this.renderer = renderer;
    }

    ObjectNode render(TableDefinition table, Map<String, String> record) {
        ObjectNode stored = renderer.render(table, record, BOTH);
        ObjectNode json = SandboxJson.object();
        for (String name : FIELDS) {
            JsonNode pair = stored.get(name);
            List<String> unkept = UNKEPT_DEFAULTS.getOrDefault(name, List.of("", ""));
            String display = pair == null ? unkept.get(0) : pair.get("display_value").asText();
            String value = pair == null ? unkept.get(1) : pair.get("value").asText();
            ObjectNode field = json.putObject(name);
            field.put("display_value", display);
            if (BOOLEANS.contains(name) && !value.isEmpty()) {
                field.put("value", Boolean.parseBoolean(value));
            } else if (NUMBERS.contains(name) && isNumber(value)) {
                field.put("value", Double.parseDouble(value));
            } else {
                field.put("value", value);
            }
            if (DATE_TIMES.contains(name)) {
                field.put("display_value_internal", display);
            }
        }
        return json;
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
