package io.retrobridge.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.sandbox.jira.JiraSeed.IssueSpec;
import io.retrobridge.sync.RetrospectiveIssues;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Retrospective issues as the Jira Cloud simulator stores them, and found again by their marker label. */
class JiraRetrospectiveIssuesTest extends JiraClientTestSupport {

    private static final String MARKER = "rb-retro-0123456789abcdef01234567";
    private static final String ADF = "{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":\"taskList\","
            + "\"attrs\":{\"localId\":\"retro-checklist\"},\"content\":[{\"type\":\"taskItem\",\"attrs\":"
            + "{\"localId\":\"retro-check-1\",\"state\":\"TODO\"},\"content\":[{\"type\":\"text\",\"text\":\"Hold it\"}]}]}]}";

    private RetrospectiveIssues issues() {
        return new JiraRetrospectiveIssues(jira, new JiraProperties(sandbox.baseUrl(), BOT_EMAIL, TOKEN, null, null,
                Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofMinutes(3)));
    }

    @Test
    void anOpenedIssueCarriesItsLabelsAndTheDocumentAsItsDescription() throws Exception {
        RetrospectiveIssues.Issue opened = issues().open("OPS", "Task", "Retrospective: checkout 7.1",
                List.of("retrospective", MARKER), ADF);

        JiraIssue stored = jira.find(opened.key(), List.of("summary", "labels", "description", "project")).orElseThrow();
        assertThat(stored.fields().path("project").path("key").asText()).isEqualTo("OPS");
        assertThat(stored.fields().path("summary").asText()).isEqualTo("Retrospective: checkout 7.1");
        assertThat(stored.fields().path("labels")).extracting(JsonNode::asText)
                .containsExactly("retrospective", MARKER);
        assertThat(stored.fields().path("description")).isEqualTo(JSON.readTree(ADF));
        String base = sandbox.baseUrl().toString().replaceAll("/$", "");
        assertThat(opened.url()).isEqualTo(base + "/browse/" + opened.key());
        assertThat(issues().findOurs("OPS", MARKER)).contains(opened);
        assertThat(issues().find(opened.id())).contains(opened);
    }

    @Test
    void anIssueSomeoneElseMarkedIsNotOurs() {
        sandbox.seed().issue(IssueSpec.of("OPS", "Task", "Planted").labels(MARKER), BETH);

        assertThat(issues().findOurs("OPS", MARKER)).isEqualTo(Optional.empty());
    }
}
