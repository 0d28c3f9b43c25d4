package io.retrobridge.sandbox.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What escalation needs of an instance: the Catalog Task queue, problem.rfc and the admin's custom columns. */
class ServiceNowEscalationShapesTest extends SandboxTestSupport {

    @Test
    void aCatalogTaskIsNumberedOpenAndAssignableToAReviewBoardGroup() throws Exception {
        String cab = sandbox.seed().group("CAB").sysId();

        HttpResponse<String> created = post("/api/now/table/sc_task", """
                {"short_description":"Overdue: PTASK0010002","description":"Raised by RetroBridge",
                 "assignment_group":"%s","correlation_id":"rb-esc-0123456789abcdef01234567"}""".formatted(cab));
        JsonNode task = result(created);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(task.get("number").asText()).isEqualTo("SCTASK0010001");
        assertThat(task.get("state").asText()).isEqualTo("1");
        assertThat(task.get("active").asText()).isEqualTo("true");
        assertThat(task.get("assignment_group").get("value").asText()).isEqualTo(cab);
        assertThat(task.get("correlation_id").asText()).isEqualTo("rb-esc-0123456789abcdef01234567");
        assertThat(task.get("sys_class_name").asText()).isEqualTo("sc_task");
        JsonNode labelled = result(get("/api/now/table/sc_task/" + task.get("sys_id").asText()
                + "?sysparm_display_value=true&sysparm_fields=state,assignment_group"));
        assertThat(labelled.get("state").asText()).isEqualTo("Open");
        assertThat(labelled.get("assignment_group").get("display_value").asText()).isEqualTo("CAB");
    }

    @Test
    void closedCompleteIncompleteAndSkippedMakeACatalogTaskInactive() throws Exception {
        for (String state : new String[] {"3", "4", "7"}) {
            String sysId = result(post("/api/now/table/sc_task", "{\"short_description\":\"ticket " + state + "\"}"))
                    .get("sys_id").asText();

            JsonNode closed = result(patch("/api/now/table/sc_task/" + sysId,
                    "{\"state\":\"" + state + "\",\"close_notes\":\"PAY-12 was completed\"}"));

            assertThat(closed.get("active").asText()).as("state %s", state).isEqualTo("false");
            assertThat(closed.get("closed_at").asText()).as("state %s", state).isNotEmpty();
            assertThat(closed.get("close_notes").asText()).isEqualTo("PAY-12 was completed");
        }
        String working = result(post("/api/now/table/sc_task", "{\"short_description\":\"working\",\"state\":\"2\"}"))
                .get("active").asText();
        assertThat(working).isEqualTo("true");
    }

    @Test
    void theDemoProblemNamesTheFailedChangeInRfc() throws Exception {
        Map<String, ServiceNowSeed.SeededRecord> demo = sandbox.seed().demo();

        JsonNode problem = result(get("/api/now/table/problem/" + demo.get("problem").sysId()
                + "?sysparm_fields=number,rfc&sysparm_display_value=all"));

        assertThat(problem.get("rfc").get("value").asText()).isEqualTo(demo.get("change").sysId());
        assertThat(problem.get("rfc").get("display_value").asText()).isEqualTo(demo.get("change").number());
    }

    @Test
    void problemTasksKeepTheCustomEscalationAndClassificationColumns() throws Exception {
        String sysId = result(post("/api/now/table/problem_task", "{\"short_description\":\"Alert on errors\"}"))
                .get("sys_id").asText();

        JsonNode patched = result(patch("/api/now/table/problem_task/" + sysId, """
                {"u_escalation":"Change Advisory Board — cab","u_retro_scope":"tooling-upgrade",
                 "u_retro_kind":"preventive","u_release_phase":"cutover","u_retro_rule":"pipeline-tooling"}"""));

        assertThat(patched.get("u_escalation").asText()).isEqualTo("Change Advisory Board — cab");
        assertThat(patched.get("u_retro_scope").asText()).isEqualTo("tooling-upgrade");
        assertThat(patched.get("u_retro_kind").asText()).isEqualTo("preventive");
        assertThat(patched.get("u_release_phase").asText()).isEqualTo("cutover");
        assertThat(patched.get("u_retro_rule").asText()).isEqualTo("pipeline-tooling");
    }
}
