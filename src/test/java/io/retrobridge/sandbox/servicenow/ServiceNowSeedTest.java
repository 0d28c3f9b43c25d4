package io.retrobridge.sandbox.servicenow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Java seeding API the demo and tests use. */
class ServiceNowSeedTest extends SandboxTestSupport {

    @Test
    void demoStoryIsReadableThroughTheApiWithOpenOverdueDoneAndCancelledActionItems() throws Exception {
        Map<String, ServiceNowSeed.SeededRecord> demo = sandbox.seed().demo();

        JsonNode tasks = result(get("/api/now/table/problem_task?sysparm_display_value=true&sysparm_query="
                + q("problem=" + demo.get("problem").sysId() + "^ORDERBYnumber")));
        JsonNode overdue = result(get("/api/now/table/problem_task?sysparm_query="
                + q("active=true^due_date<javascript:gs.dateGenerate('2026-03-02','09:30:00')")));
        JsonNode boards = result(get("/api/now/table/sys_user_group?sysparm_query=" + q("nameLIKEboard^ORname=CAB")));
        JsonNode change = result(get("/api/now/table/change_request/" + demo.get("change").sysId()));

        assertThat(tasks).hasSize(4);
        assertThat(tasks.get(0).get("state").asText()).isEqualTo("Work in Progress");
        assertThat(tasks.get(0).get("assigned_to").get("display_value").asText()).isEqualTo("Beth Anglin");
        assertThat(tasks.get(2).get("close_code").asText()).isEqualTo("Fix Applied");
        assertThat(tasks.get(3).get("close_code").asText()).isEqualTo("Canceled");
        assertThat(overdue).hasSize(1);
        assertThat(overdue.get(0).get("sys_id").asText()).isEqualTo(demo.get("alert").sysId());
        assertThat(boards).hasSize(3);
        assertThat(change.get("state").asText()).isEqualTo("3");
        assertThat(change.get("number").asText()).isEqualTo(demo.get("change").number()).startsWith("CHG");
    }

    @Test
    void aMistypedFieldOrTableInASeedIsRefusedWithTheKnownNames() {
        assertThatThrownBy(() -> sandbox.seed().problemTask(Map.of("shrot_description", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("problem_task has no field 'shrot_description'")
                .hasMessageContaining("short_description");
        assertThatThrownBy(() -> sandbox.seed().record("problem_tasks", Map.of()))
                .hasMessageContaining("no table 'problem_tasks'");
        assertThat(sandbox.records("problem_task")).isEmpty();
    }
}
