package io.retrobridge.sandbox.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Create, update, close and delete an action item the way the connector will, and what the instance does to it. */
class ServiceNowRecordLifecycleTest extends SandboxTestSupport {

    private JsonNode create(String json) throws Exception {
        HttpResponse<String> response = post("/api/now/table/problem_task", json);
        assertThat(response.statusCode()).isEqualTo(201);
        return result(response);
    }

    @Test
    void insertStampsIdentityAuditColumnsAndTheCaller() throws Exception {
        String group = sandbox.seed().group("Release Advisory Board").sysId();

        HttpResponse<String> response = post("/api/now/table/problem_task", """
                {"short_description":"Add canary stage","assignment_group":"Release Advisory Board",
                 "sys_id":"ffffffffffffffffffffffffffffffff","number":"PTASK9999999","unknown_field":"x"}""");
        JsonNode task = result(response);

        assertThat(task.get("sys_id").asText()).matches("[0-9a-f]{32}").isNotEqualTo("ffffffffffffffffffffffffffffffff");
        assertThat(task.get("number").asText()).isEqualTo("PTASK0010001");
        assertThat(task.has("unknown_field")).isFalse();
        assertThat(task.get("assignment_group").get("value").asText()).isEqualTo(group);
        assertThat(task.get("state").asText()).isEqualTo("151");
        assertThat(task.get("sys_class_name").asText()).isEqualTo("problem_task");
        assertThat(task.get("sys_created_by").asText()).isEqualTo(USER);
        assertThat(task.get("sys_updated_on").asText()).isEqualTo("2026-03-02 09:30:00");
        assertThat(task.get("sys_mod_count").asText()).isEqualTo("0");
        assertThat(task.get("opened_by").get("value").asText())
                .isEqualTo(sandbox.records("sys_user").stream().filter(u -> u.get("user_name").equals(USER))
                        .findFirst().orElseThrow().get("sys_id"));
        assertThat(response.headers().firstValue("Location"))
                .contains(sandbox.baseUrl() + "/api/now/table/problem_task/" + task.get("sys_id").asText());
        assertThat(create("{\"short_description\":\"second\"}").get("number").asText()).isEqualTo("PTASK0010002");
    }

    @Test
    void workNotesAndCommentsGoToTheJournalAndReadBackEmpty() throws Exception {
        JsonNode task = create("{\"short_description\":\"Add canary stage\",\"work_notes\":\"Started analysis\"}");
        String id = task.get("sys_id").asText();
        clock.advance(Duration.ofMinutes(5));
        JsonNode updated = result(patch("/api/now/table/problem_task/" + id,
                "{\"work_notes\":\"Canary config drafted\",\"comments\":\"Visible to the requester\"}"));

        assertThat(task.get("work_notes").asText()).isEmpty();
        assertThat(updated.get("work_notes").asText()).isEmpty();
        assertThat(updated.get("comments").asText()).isEmpty();
        assertThat(updated.get("sys_mod_count").asText()).isEqualTo("1");
        assertThat(updated.get("sys_updated_on").asText()).isEqualTo("2026-03-02 09:35:00");

        JsonNode notes = result(get("/api/now/table/sys_journal_field?sysparm_query="
                + q("element_id=" + id + "^element=work_notes^ORDERBYsys_created_on")));
        assertThat(notes).hasSize(2);
        assertThat(notes.get(0).get("value").asText()).isEqualTo("Started analysis");
        assertThat(notes.get(0).get("name").asText()).isEqualTo("problem_task");
        assertThat(notes.get(0).get("sys_created_by").asText()).isEqualTo(USER);
        assertThat(notes.get(1).get("value").asText()).isEqualTo("Canary config drafted");
        assertThat(notes.get(1).get("sys_created_on").asText()).isEqualTo("2026-03-02 09:35:00");

        String history = result(get("/api/now/table/problem_task/" + id + "?sysparm_display_value=true"))
                .get("work_notes").asText();
        assertThat(history).startsWith("2026-03-02 09:35:00 - " + USER + " (Work notes)\nCanary config drafted")
                .contains("Started analysis");
    }

    @ParameterizedTest(name = "impact {0} + urgency {1} = priority {2}")
    @CsvSource({"1,1,1", "1,2,2", "1,3,3", "2,1,2", "2,2,3", "2,3,4", "3,1,3", "3,2,4", "3,3,5"})
    void priorityFollowsTheStandardMatrix(String impact, String urgency, String priority) throws Exception {
        JsonNode task = create("{\"short_description\":\"x\",\"impact\":\"%s\",\"urgency\":\"%s\",\"priority\":\"1\"}"
                .formatted(impact, urgency));

        assertThat(task.get("priority").asText()).isEqualTo(priority);
    }

    @Test
    void writesToPriorityAloneAreIgnoredAndChangeNothing() throws Exception {
        JsonNode task = create("{\"short_description\":\"x\",\"impact\":\"2\",\"urgency\":\"3\"}");
        String id = task.get("sys_id").asText();
        clock.advance(Duration.ofMinutes(1));

        JsonNode afterPriority = result(patch("/api/now/table/problem_task/" + id, "{\"priority\":\"1\"}"));
        JsonNode afterSameText = result(patch("/api/now/table/problem_task/" + id, "{\"short_description\":\"x\"}"));
        JsonNode afterUrgency = result(patch("/api/now/table/problem_task/" + id, "{\"urgency\":\"1\"}"));

        assertThat(afterPriority.get("priority").asText()).isEqualTo("4");
        assertThat(afterSameText.get("sys_mod_count").asText()).isEqualTo("0");
        assertThat(afterSameText.get("sys_updated_on").asText()).isEqualTo("2026-03-02 09:30:00");
        assertThat(afterUrgency.get("priority").asText()).isEqualTo("2");
        assertThat(afterUrgency.get("sys_mod_count").asText()).isEqualTo("1");
    }

    @Test
    void closingDeactivatesAndRecordsWhoClosedItWhenThenDeleteRemovesIt() throws Exception {
        String id = create("{\"short_description\":\"Pin SDK\",\"state\":\"154\"}").get("sys_id").asText();
        clock.advance(Duration.ofHours(2));

        JsonNode closed = result(patch("/api/now/table/problem_task/" + id,
                "{\"state\":\"157\",\"close_code\":\"canceled\",\"close_notes\":\"Superseded\"}"));

        assertThat(closed.get("active").asText()).isEqualTo("false");
        assertThat(closed.get("closed_at").asText()).isEqualTo("2026-03-02 11:30:00");
        assertThat(closed.get("closed_by").get("value").asText()).isEqualTo(closed.get("opened_by").get("value").asText());
        assertThat(closed.get("close_code").asText()).isEqualTo("canceled");
        assertThat(numbers(get("/api/now/table/problem_task?sysparm_query=active=false")))
                .containsExactly(closed.get("number").asText());

        HttpResponse<String> deleted = send("DELETE", "/api/now/table/problem_task/" + id, null, basic(USER, PASSWORD));
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(get("/api/now/table/problem_task/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void putUpdatesLikePatchAndChangeRequestsKeepTheirStateCodes() throws Exception {
        // In Review, so closing it is a move the change state model allows.
        String change = sandbox.seed().changeRequest(Map.of("short_description", "Upgrade gateway", "state", "0")).sysId();

        HttpResponse<String> put = send("PUT", "/api/now/table/change_request/" + change,
                "{\"state\":\"3\",\"close_code\":\"successful\",\"close_notes\":\"Done\"}", basic(USER, PASSWORD));
        JsonNode shown = result(get("/api/now/table/change_request/" + change + "?sysparm_display_value=true"));

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(result(get("/api/now/v2/table/change_request/" + change)).get("state").asText()).isEqualTo("3");
        assertThat(result(put).get("type").asText()).isEqualTo("normal");
        assertThat(shown.get("state").asText()).isEqualTo("Closed");
        assertThat(shown.get("close_code").asText()).isEqualTo("Successful");
        assertThat(shown.get("active").asText()).isEqualTo("false");
    }
}
