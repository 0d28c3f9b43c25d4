package io.retrobridge.jira;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.mapping.ActionItemMapping;
import io.retrobridge.mapping.MappingFiles;
import io.retrobridge.mapping.MappingLoader;
import io.retrobridge.mapping.TextFormatConverters;
import io.retrobridge.sandbox.jira.JiraSeed.IssueSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The copies of a whole poll page's records are found in Jira with one search, whatever the markers hold. */
class JiraPageLookupTest extends JiraClientTestSupport {

    final ActionItemMapping mapping = shipped();

    static ActionItemMapping shipped() {
        try {
            return new MappingLoader(TextFormatConverters.plainOnly()).load(MappingFiles.SHIPPED_DIR).actionItems();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The side gateway over the test's client; only the base URL and the settle time are read from the settings. It
     * only searches here, so it has no release planning (which runs after creates and edits).
     */
    private JiraSide side() {
        return new JiraSide(jira, new JiraProperties(sandbox.baseUrl(), null, null, "unused-token", null,
                Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofMinutes(3)), null);
    }

    private String idOf(String key) {
        return jira.find(key, List.of("summary")).orElseThrow().id();
    }

    @Test
    void theCopiesOfAPageAreFoundWithOneSearchOldestFirst() {
        String first = sandbox.seed().issue(IssueSpec.of("PAY", "Task", "Copy of 1").labels("rb-000000000001"), BETH);
        sandbox.seed().issue(IssueSpec.of("PAY", "Task", "Copy of 1 again").labels("rb-000000000001"), BETH);
        String second = sandbox.seed().issue(IssueSpec.of("PAY", "Task", "Copy of 2").labels("x", "rb-000000000002"), BETH);
        sandbox.seed().issue(IssueSpec.of("OPS", "Task", "Another project").labels("rb-000000000003"), BETH);
        Map<String, String> expected = Map.of("rb-000000000001", idOf(first), "rb-000000000002", idOf(second));
        sent.clear();

        Map<String, String> found = side().idsByCorrelation(
                List.of("rb-000000000001", "rb-000000000002", "rb-000000000003", "rb-000000000004"), mapping);

        assertThat(found).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(sent).singleElement().satisfies(request -> assertThat(request.path()).endsWith("/search/jql"));
    }

    @Test
    void hostileMarkersInTheBatchStayValuesAndFindNothingMore() {
        String ours = sandbox.seed().issue(IssueSpec.of("PAY", "Task", "Copy").labels("rb-000000000001"), BETH);
        sandbox.seed().issue(IssueSpec.of("PAY", "Task", "Someone's").labels("retro-action"), BETH);
        sandbox.seed().issue(IssueSpec.of("OPS", "Task", "Other project").labels("rb-000000000002"), BETH);
        List<String> hostile = List.of("rb-000000000001", "x\") OR project = OPS OR labels in (\"y",
                "rb-000000000002\" OR labels is not EMPTY OR labels = \"z", "a\\\" OR project = \\\"OPS", "b, c)");
        String expectedId = idOf(ours);
        sent.clear();

        Map<String, String> found = side().idsByCorrelation(hostile, mapping);

        assertThat(found).containsExactlyEntriesOf(Map.of("rb-000000000001", expectedId));
        assertThat(sent).hasSize(1);
        assertThat(JiraSide.correlationQuery(List.of("PAY"), List.of("x\") OR project = OPS OR (\"y")))
                .isEqualTo("project in (\"PAY\") AND labels in (\"x\\\") OR project = OPS OR (\\\"y\")"
                        + " ORDER BY created ASC, key ASC");
    }

    @Test
    void moreMarkersThanOneSearchHoldsAreAskedInSearchesOfAHundred() {
        List<String> markers = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            markers.add(String.format("rb-%012x", i));
        }
        String last = sandbox.seed().issue(IssueSpec.of("PAY", "Task", "Copy of the last").labels(markers.get(149)), BETH);
        String lastId = idOf(last);
        sent.clear();

        Map<String, String> found = side().idsByCorrelation(markers, mapping);

        assertThat(found).containsExactlyEntriesOf(Map.of(markers.get(149), lastId));
        assertThat(sent).hasSize(2);
    }
}
