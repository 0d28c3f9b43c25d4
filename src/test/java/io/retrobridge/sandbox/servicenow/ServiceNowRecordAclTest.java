package io.retrobridge.sandbox.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.sandbox.SandboxJson;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A record a read ACL keeps from a user answers that user exactly like a deleted one: 404 with ServiceNow's envelope
 * {@code {"error":{"message":"No Record found","detail":"Record doesn't exist or ACL restricts the record
 * retrieval"},"status":"failure"}}, and lists leave it out. Other users still see it.
 */
class ServiceNowRecordAclTest extends SandboxTestSupport {

    static final String OTHER = "beth.anglin";
    static final String OTHER_PASSWORD = "beth-pw";

    @BeforeEach
    void anotherUser() {
        sandbox.addUser(OTHER, OTHER_PASSWORD, "itil");
    }

    @Test
    void aRecordHiddenByAnAclAnswers404WithServiceNowsEnvelopeToThatUserOnly() throws Exception {
        String hidden = insert("Review the firewall change window");
        String visible = insert("Tidy the runbook index");

        sandbox.hideRecordFrom("problem_task", hidden, USER);

        for (HttpResponse<String> answer : new HttpResponse[] {get("/api/now/table/problem_task/" + hidden),
                patch("/api/now/table/problem_task/" + hidden, "{\"short_description\":\"x\"}"),
                delete("/api/now/table/problem_task/" + hidden)}) {
            assertThat(answer.statusCode()).isEqualTo(404);
            JsonNode body = SandboxJson.parse(answer.body());
            assertThat(body.path("error").path("message").asText()).isEqualTo("No Record found");
            assertThat(body.path("error").path("detail").asText())
                    .isEqualTo("Record doesn't exist or ACL restricts the record retrieval");
            assertThat(body.path("status").asText()).isEqualTo("failure");
        }
        assertThat(sysIds(get("/api/now/table/problem_task"))).contains(visible).doesNotContain(hidden);
        assertThat(send("GET", "/api/now/table/problem_task/" + hidden, null, basic(OTHER, OTHER_PASSWORD))
                .statusCode()).as("another user").isEqualTo(200);
        assertThat(sandbox.record("problem_task", hidden)).as("not deleted").isPresent();

        sandbox.showRecordTo("problem_task", hidden, USER);
        assertThat(get("/api/now/table/problem_task/" + hidden).statusCode()).isEqualTo(200);
    }

    @Test
    void aTableWideAclHidesEveryRecordOfTheTable() throws Exception {
        String first = insert("Add canary stage");

        sandbox.hideTableFrom("problem_task", USER);

        assertThat(get("/api/now/table/problem_task/" + first).statusCode()).isEqualTo(404);
        assertThat(sysIds(get("/api/now/table/problem_task"))).isEmpty();

        sandbox.showTableTo("problem_task", USER);
        assertThat(sysIds(get("/api/now/table/problem_task"))).contains(first);
    }

    private String insert(String shortDescription) throws Exception {
        HttpResponse<String> created = post("/api/now/table/problem_task",
                "{\"short_description\":" + SandboxJson.write(shortDescription) + "}");
        assertThat(created.statusCode()).isEqualTo(201);
        return result(created).get("sys_id").asText();
    }

    private static java.util.List<String> sysIds(HttpResponse<String> response) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        result(response).forEach(r -> ids.add(r.get("sys_id").asText()));
        return ids;
    }
}
