package io.retrobridge.sandbox.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.testsupport.MutableClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo story as Jira shows it, and seeds that refuse mistakes instead of storing them. */
class JiraSeedTest extends JiraSandboxTestSupport {

    /** Starts an empty site: the demo seeds its own project and people. */
    @Override
    @BeforeEach
    void startSandbox() throws Exception {
        clock = new MutableClock(START);
        sandbox = new JiraSandbox(0, clock).start();
        sandbox.addUser("557058:retrobridge", "RetroBridge", JiraSeed.DEMO_CONNECTOR_EMAIL, TOKEN);
    }

    private JsonNode demoIssue(String key) throws Exception {
        return json(send("GET", "/rest/api/3/issue/" + key, null, basic(JiraSeed.DEMO_CONNECTOR_EMAIL, TOKEN)));
    }

    @Test
    void theDemoHasTheGatewayBugAndTwoRetroActionsOnlyInJira() throws Exception {
        Map<String, String> keys = sandbox.seed().demo();

        JsonNode bug = demoIssue(keys.get("bug")).get("fields");
        assertThat(bug.at("/issuetype/name").asText()).isEqualTo("Bug");
        assertThat(bug.get("summary").asText()).isEqualTo("Checkout fails with gateway timeout");
        assertThat(bug.at("/project/name").asText()).isEqualTo("Payments");

        JsonNode contract = demoIssue(keys.get("contractTests")).get("fields");
        assertThat(contract.get("summary").asText()).isEqualTo("Add contract tests for the gateway client");
        assertThat(contract.get("duedate").asText()).isEqualTo("2026-11-30");
        assertThat(contract.at("/assignee/displayName").asText()).isEqualTo("David Loo");
        assertThat(contract.at("/status/name").asText()).isEqualTo("To Do");

        JsonNode load = demoIssue(keys.get("loadTest")).get("fields");
        assertThat(load.get("summary").asText()).isEqualTo("Load-test checkout before cutover");
        assertThat(load.get("duedate").asText()).isEqualTo("2026-11-28");
        assertThat(load.at("/assignee/emailAddress").asText()).isEqualTo("beth.anglin@example.com");
        assertThat(load.at("/status/name").asText()).isEqualTo("In Progress");

        JsonNode found = json(send("POST", "/rest/api/3/search/jql", "{\"jql\":\"project = PAY AND issuetype = Task "
                + "AND labels = retro-action ORDER BY key\"}", basic(JiraSeed.DEMO_CONNECTOR_EMAIL, TOKEN)));
        List<String> actions = new ArrayList<>();
        found.get("issues").forEach(i -> actions.add(i.get("key").asText()));
        assertThat(actions).containsExactly(keys.get("contractTests"), keys.get("loadTest"));
        assertThat(keys.get("connector")).isEqualTo("557058:retrobridge");
        assertThat(json(send("GET", "/rest/api/3/user/search?query=abel", null,
                basic(JiraSeed.DEMO_CONNECTOR_EMAIL, TOKEN))).get(0).get("displayName").asText()).isEqualTo("Abel Tuter");
    }

    @Test
    void theArchitectureReviewBoardHasAProjectThatTakesTaskTicketsWithLabels() throws Exception {
        sandbox.seed().demo();

        JsonNode created = json(send("POST", "/rest/api/3/issue", """
                {"fields":{"project":{"key":"ARB"},"issuetype":{"name":"Task"},"summary":"Systemic: config drift",
                 "labels":["retro-escalation","rb-esc-0123456789abcdef01234567"]}}""",
                basic(JiraSeed.DEMO_CONNECTOR_EMAIL, TOKEN)));
        JsonNode ticket = demoIssue(created.get("key").asText()).get("fields");

        assertThat(ticket.at("/project/name").asText()).isEqualTo("Architecture Review Board");
        assertThat(created.get("key").asText()).isEqualTo("ARB-1");
        assertThat(ticket.at("/issuetype/name").asText()).isEqualTo("Task");
        assertThat(ticket.at("/status/name").asText()).isEqualTo("To Do");
        assertThat(ticket.get("labels").toString()).contains("rb-esc-0123456789abcdef01234567");
    }

    @Test
    void aSeedWithABadValueIsRefusedWithJirasReason() {
        sandbox.seed().project("PAY", "Payments");

        assertThatThrownBy(() -> sandbox.seed().issue(JiraSeed.IssueSpec.of("PAY", "Task", "x").labels("two words"),
                "557058:retrobridge")).hasMessageContaining("contains spaces");
        assertThatThrownBy(() -> sandbox.seed().issue(JiraSeed.IssueSpec.of("NOPE", "Task", "x"), "557058:retrobridge"))
                .hasMessageContaining("No project NOPE");
        assertThatThrownBy(() -> sandbox.seed().project("pay", "lower")).hasMessageContaining("upper-case");
        assertThat(sandbox.issueKeys()).isEmpty();
    }
}
