package io.retrobridge.sandbox.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Creating, reading, editing and deleting issues over REST v3, with Jira's answers for bad input. */
class JiraIssueLifecycleTest extends JiraSandboxTestSupport {

    @Test
    void aCreatedIssueReadsBackWithEveryFieldInJiraShape() throws Exception {
        HttpResponse<String> created = post("/rest/api/3/issue", "{\"fields\":{"
                + "\"project\":{\"key\":\"PAY\"},\"issuetype\":{\"name\":\"Task\"},"
                + "\"summary\":\"Add contract tests\",\"description\":" + adf("Gateway client lacks tests") + ","
                + "\"labels\":[\"retro-action\"],\"priority\":{\"name\":\"High\"},"
                + "\"assignee\":{\"accountId\":\"" + DAVID + "\"},\"duedate\":\"2026-11-30\","
                + "\"components\":[{\"name\":\"Gateway\"}]}}");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode ref = json(created);
        assertThat(ref.get("key").asText()).isEqualTo("PAY-1");
        assertThat(ref.get("self").asText()).isEqualTo(sandbox.baseUrl() + "/rest/api/3/issue/" + ref.get("id").asText());

        JsonNode fields = issue("PAY-1").get("fields");
        assertThat(fields.get("summary").asText()).isEqualTo("Add contract tests");
        assertThat(fields.at("/description/content/0/content/0/text").asText()).isEqualTo("Gateway client lacks tests");
        assertThat(fields.at("/status/name").asText()).isEqualTo("To Do");
        assertThat(fields.at("/status/statusCategory/key").asText()).isEqualTo("new");
        assertThat(fields.at("/priority/name").asText()).isEqualTo("High");
        assertThat(fields.at("/assignee/accountId").asText()).isEqualTo(DAVID);
        assertThat(fields.at("/assignee/emailAddress").asText()).isEqualTo("david.loo@example.com");
        assertThat(fields.at("/reporter/displayName").asText()).isEqualTo("RetroBridge");
        assertThat(fields.at("/labels/0").asText()).isEqualTo("retro-action");
        assertThat(fields.at("/components/0/name").asText()).isEqualTo("Gateway");
        assertThat(fields.get("duedate").asText()).isEqualTo("2026-11-30");
        assertThat(fields.get("created").asText()).isEqualTo("2026-11-25T10:15:30.000+0000");
        assertThat(fields.get("updated").asText()).isEqualTo("2026-11-25T10:15:30.000+0000");
        assertThat(fields.at("/issuetype/name").asText()).isEqualTo("Task");
        assertThat(fields.at("/project/key").asText()).isEqualTo("PAY");
        assertThat(fields.get("resolution").isNull()).isTrue();
    }

    @Test
    void fieldsParameterLimitsTheAnswer() throws Exception {
        String key = createTask("Only some fields", "");

        JsonNode fields = json(get("/rest/api/3/issue/" + key + "?fields=summary,status")).get("fields");

        assertThat(fields.size()).isEqualTo(2);
        assertThat(fields.has("summary")).isTrue();
        assertThat(fields.has("status")).isTrue();
    }

    @Test
    void createRefusesMissingSummaryUnknownProjectAndPlainTextDescriptionWithFieldErrors() throws Exception {
        HttpResponse<String> noSummary = post("/rest/api/3/issue",
                "{\"fields\":{\"project\":{\"key\":\"PAY\"},\"issuetype\":{\"name\":\"Task\"}}}");
        HttpResponse<String> noProject = post("/rest/api/3/issue",
                "{\"fields\":{\"project\":{\"key\":\"NOPE\"},\"issuetype\":{\"name\":\"Task\"},\"summary\":\"x\"}}");
        HttpResponse<String> plainText = post("/rest/api/3/issue", "{\"fields\":{\"project\":{\"key\":\"PAY\"},"
                + "\"issuetype\":{\"name\":\"Task\"},\"summary\":\"x\",\"description\":\"just text\"}}");
        HttpResponse<String> badField = post("/rest/api/3/issue", "{\"fields\":{\"project\":{\"key\":\"PAY\"},"
                + "\"issuetype\":{\"name\":\"Task\"},\"summary\":\"x\",\"customfield_99999\":\"y\"}}");

        assertThat(noSummary.statusCode()).isEqualTo(400);
        assertThat(json(noSummary).at("/errors/summary").asText()).isEqualTo("You must specify a summary of the issue.");
        assertThat(json(noProject).at("/errors/project").asText()).isEqualTo("Specify a valid project ID or key");
        assertThat(json(plainText).at("/errors/description").asText()).contains("Atlassian Document");
        assertThat(json(badField).at("/errors/customfield_99999").asText()).contains("cannot be set");
        assertThat(json(badField).get("errorMessages").isArray()).isTrue();
        assertThat(sandbox.issueKeys()).isEmpty();
    }

    @Test
    void malformedJsonGetsJirasErrorShape() throws Exception {
        HttpResponse<String> response = post("/rest/api/3/issue", "{not json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("errorMessages").get(0).asText()).isNotBlank();
    }

    @Test
    void editSetsFieldsAndAppliesLabelOperationsAndBumpsUpdated() throws Exception {
        String key = createTask("Before", "\"labels\":[\"blocker\",\"retro-action\"]");
        clock.advance(Duration.ofMinutes(5));

        HttpResponse<String> edited = put("/rest/api/3/issue/" + key, "{\"fields\":{\"summary\":\"After\"},"
                + "\"update\":{\"labels\":[{\"add\":\"triaged\"},{\"remove\":\"blocker\"}]}}");

        assertThat(edited.statusCode()).isEqualTo(204);
        JsonNode fields = issue(key).get("fields");
        assertThat(fields.get("summary").asText()).isEqualTo("After");
        assertThat(fields.get("labels").toString()).isEqualTo("[\"retro-action\",\"triaged\"]");
        assertThat(fields.get("updated").asText()).isEqualTo("2026-11-25T10:20:30.000+0000");
    }

    @Test
    void anEditThatChangesNothingLeavesUpdatedAlone() throws Exception {
        String key = createTask("Same", "\"labels\":[\"retro-action\"]");
        clock.advance(Duration.ofMinutes(5));

        HttpResponse<String> edited = put("/rest/api/3/issue/" + key,
                "{\"fields\":{\"summary\":\"Same\",\"labels\":[\"retro-action\"]}}");

        assertThat(edited.statusCode()).isEqualTo(204);
        assertThat(issue(key).at("/fields/updated").asText()).isEqualTo("2026-11-25T10:15:30.000+0000");
    }

    @Test
    void statusCannotBeSetByEditingFields() throws Exception {
        String key = createTask("Stay in To Do", "");

        HttpResponse<String> edited = put("/rest/api/3/issue/" + key, "{\"fields\":{\"status\":{\"name\":\"Done\"}}}");

        assertThat(edited.statusCode()).isEqualTo(400);
        assertThat(json(edited).at("/errors/status").asText())
                .isEqualTo("Field 'status' cannot be set. It is not on the appropriate screen, or unknown.");
        assertThat(issue(key).at("/fields/status/name").asText()).isEqualTo("To Do");
    }

    @Test
    void aRefusedEditChangesNothing() throws Exception {
        String key = createTask("Keep me", "");

        HttpResponse<String> edited = put("/rest/api/3/issue/" + key,
                "{\"fields\":{\"summary\":\"Changed\",\"duedate\":\"30/11/2026\"}}");

        assertThat(edited.statusCode()).isEqualTo(400);
        assertThat(json(edited).at("/errors/duedate").asText()).contains("30/11/2026");
        assertThat(issue(key).at("/fields/summary").asText()).isEqualTo("Keep me");
    }

    @Test
    void deletedAndUnknownIssuesAnswerJiras404() throws Exception {
        String key = createTask("Short-lived", "");

        assertThat(delete("/rest/api/3/issue/" + key).statusCode()).isEqualTo(204);
        HttpResponse<String> gone = get("/rest/api/3/issue/" + key);

        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(json(gone).get("errorMessages").get(0).asText())
                .isEqualTo("Issue does not exist or you do not have permission to see it.");
        assertThat(put("/rest/api/3/issue/PAY-99", "{\"fields\":{\"summary\":\"x\"}}").statusCode()).isEqualTo(404);
    }
}
