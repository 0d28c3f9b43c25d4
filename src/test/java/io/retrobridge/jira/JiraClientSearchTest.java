package io.retrobridge.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.sandbox.jira.JiraSeed.IssueSpec;
import io.retrobridge.testsupport.JiraOpenApiValidator;
import io.retrobridge.transport.OutboundRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** JQL search with both paging styles, the correlation look-up by label, and hostile text. */
class JiraClientSearchTest extends JiraClientTestSupport {

    private static final String ALL_OF_PAY = Jql.query().eq("project", "PAY").orderBy("key", true).build();

    private List<String> seedPay(int count) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add(sandbox.seed().issue(IssueSpec.of("PAY", "Task", "Action item " + i), BETH));
        }
        return keys;
    }

    private List<String> readAllPages(JiraClient client, String jql, int pageSize, List<Integer> pageSizes) {
        List<String> keys = new ArrayList<>();
        String token = null;
        do {
            JiraSearchPage page = client.search(jql, List.of("summary", "labels"), token, pageSize);
            pageSizes.add(page.issues().size());
            page.issues().forEach(i -> {
                assertThat(i.updated()).isEqualTo(NOW);
                assertThat(i.fields().path("summary").asText()).startsWith("Action item");
                keys.add(i.key());
            });
            token = page.nextPageToken().orElse(null);
        } while (token != null && pageSizes.size() < 100);
        return keys;
    }

    @Test
    void cloudSearchPagesThroughEveryIssueOnceWithPageTokens() {
        List<String> seeded = seedPay(250);
        sandbox.seed().issue(IssueSpec.of("OPS", "Task", "Action item elsewhere"), BETH);
        List<Integer> pageSizes = new ArrayList<>();

        List<String> keys = readAllPages(jira, ALL_OF_PAY, 50, pageSizes);

        assertThat(keys).containsExactlyElementsOf(seeded);
        assertThat(pageSizes).containsExactly(50, 50, 50, 50, 50);
        assertThat(sentCount("POST", "/rest/api/3/search/jql")).isEqualTo(5);
    }

    @Test
    void serverSearchPagesThroughEveryIssueOnceWithStartAt() {
        List<String> seeded = seedPay(250);
        JiraClient server = serverClient();
        List<Integer> pageSizes = new ArrayList<>();

        List<String> keys = readAllPages(server, ALL_OF_PAY, 50, pageSizes);

        assertThat(keys).containsExactlyElementsOf(seeded);
        assertThat(pageSizes).containsExactly(50, 50, 50, 50, 50);
        assertThat(sandbox.requests().count("GET", "/rest/api/2/search")).isEqualTo(5);
    }

    @Test
    void aSearchMatchingNothingIsOneEmptyLastPage() {
        seedPay(3);

        JiraSearchPage page = jira.search(Jql.query().eq("project", "OPS").build(), List.of("summary"), null, 50);

        assertThat(page.issues()).isEmpty();
        assertThat(page.isLast()).isTrue();
    }

    @Test
    void badSearchArgumentsAreRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> jira.search(" ", List.of(), null, 50)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JQL");
        assertThatThrownBy(() -> jira.search(ALL_OF_PAY, List.of(), null, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("page size");
        assertThatThrownBy(() -> serverClient().search(ALL_OF_PAY, List.of(), "abc", 50))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("page token");
        assertThat(sandbox.requests().all()).isEmpty();
    }

    @Test
    void findByLabelFindsOnlyTheProjectsIssuesCarryingThatLabel() {
        String wanted = sandbox.seed().issue(IssueSpec.of("PAY", "Task", "Linked item").labels("rb-7", "retro-action"), BETH);
        sandbox.seed().issue(IssueSpec.of("PAY", "Task", "Other item").labels("rb-70"), BETH);
        sandbox.seed().issue(IssueSpec.of("OPS", "Task", "Same label elsewhere").labels("rb-7"), BETH);

        List<JiraIssue> found = jira.findByLabel("PAY", "rb-7", List.of("summary", "labels"));

        assertThat(found).extracting(JiraIssue::key).containsExactly(wanted);
        assertThat(found.get(0).fields().path("summary").asText()).isEqualTo("Linked item");
    }

    @Test
    void hostileTextNeverChangesWhatASearchFinds() {
        String hostile = "\" OR project = OPS OR labels = \"x";
        ObjectNode fields = task(hostile);
        fields.putArray("labels").add("rb-9");
        JiraIssue created = jira.create(fields);
        sandbox.seed().issue(IssueSpec.of("OPS", "Task", "Not ours").labels("rb-9"), BETH);
        sandbox.seed().issue(IssueSpec.of("OPS", "Task", "Not ours either"), BETH);

        assertThat(created.fields().path("summary").asText()).isEqualTo(hostile);
        assertThat(jira.findByLabel("PAY", "rb-9", List.of("summary"))).extracting(JiraIssue::key)
                .containsExactly(created.key());
        assertThat(jira.findByLabel("PAY", hostile, List.of("summary"))).isEmpty();
        assertThat(jira.findByLabel("PAY", "rb-9\" OR project = \"OPS", List.of("summary"))).isEmpty();
        assertThat(jira.findByLabel("PAY", "rb-9\\\" OR project = \\\"OPS", List.of("summary"))).isEmpty();
    }

    @Test
    void pagesOfFindByLabelAreAllRead() {
        Set<String> seeded = new HashSet<>();
        for (int i = 0; i < 120; i++) {
            seeded.add(sandbox.seed().issue(IssueSpec.of("PAY", "Task", "Twin " + i).labels("rb-1"), BETH));
        }

        List<JiraIssue> found = jira.findByLabel("PAY", "rb-1", List.of("summary"));

        assertThat(found).extracting(JiraIssue::key).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(seeded);
    }

    /** The spec check after each test is only worth something if it refuses what Jira would refuse. */
    @Test
    void theSpecCheckRefusesASearchJiraWouldRefuse() {
        jira.search(ALL_OF_PAY, List.of("summary"), null, 10);
        OutboundRequest ours = sent.get(0);
        OutboundRequest broken = new OutboundRequest(ours.method(), ours.path(), ours.query(), ours.headers(),
                ours.body().replace("\"maxResults\":10", "\"maxResults\":\"ten\""));

        assertThat(JiraOpenApiValidator.shared().problems(call(ours))).isEmpty();
        assertThat(JiraOpenApiValidator.shared().problems(call(broken))).isNotEmpty();
    }
}
