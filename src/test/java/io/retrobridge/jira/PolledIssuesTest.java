package io.retrobridge.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.sync.CounterpartLookup;
import io.retrobridge.sync.PolledRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a Jira poll event carries stands in for a read only when it is whole, from a poll, under the same scope. */
class PolledIssuesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SCOPE = "project in (\"PAY\") AND labels = \"retro-action\"";
    static final Instant AT = Instant.parse("2026-12-07T01:00:00Z");
    static final List<String> NEEDED = List.of("summary", "labels", "updated");

    static JiraIssue issue(int comments, int total) {
        ObjectNode fields = JSON.createObjectNode().put("summary", "Add a canary stage")
                .put("updated", "2026-12-07T00:59:00.000+0000");
        fields.putArray("labels").add("retro-action");
        ObjectNode comment = fields.putObject("comment").put("total", total).put("startAt", 0);
        ArrayNode list = comment.putArray("comments");
        for (int i = 1; i <= comments; i++) {
            ObjectNode c = list.addObject().put("id", String.valueOf(i)).put("created", "2026-12-07T00:58:00.000+0000");
            c.putObject("author").put("accountId", "557058:beth").put("displayName", "Beth");
            c.put("body", "comment " + i);
        }
        return new JiraIssue("10001", "PAY-1", Instant.parse("2026-12-07T00:59:00Z"), fields);
    }

    @Test
    void aPolledIssueComesBackWithItsLookupAndWithoutItsComments() {
        CounterpartLookup lookup = new CounterpartLookup("rb-000000000001", AT, Optional.empty());
        String payload = PolledIssues.payload(issue(2, 2), SCOPE, AT, Optional.of(lookup));

        PolledRecord polled = PolledIssues.read(PolledIssues.KIND, payload, SCOPE, NEEDED).orElseThrow();

        assertThat(polled.record().id()).isEqualTo("10001");
        assertThat(polled.record().displayKey()).isEqualTo("PAY-1");
        assertThat(polled.record().updatedAt()).isEqualTo(Instant.parse("2026-12-07T00:59:00Z"));
        assertThat(polled.record().fields().has("comment")).isFalse();
        assertThat(polled.record().fields().text("summary")).isEqualTo("Add a canary stage");
        assertThat(polled.polledAt()).isEqualTo(AT);
        assertThat(polled.counterpart()).contains(lookup);
        assertThat(PolledIssues.comments(PolledIssues.KIND, payload).orElseThrow())
                .extracting(JiraComment::id).containsExactly("1", "2");
    }

    @Test
    void onlyAPollEventUnderTheSameScopeHoldingEveryNeededFieldStandsInForARead() {
        String payload = PolledIssues.payload(issue(0, 0), SCOPE, AT, Optional.empty());

        assertThat(PolledIssues.read("jira:issue_updated", payload, SCOPE, NEEDED)).as("a webhook body").isEmpty();
        assertThat(PolledIssues.read(PolledIssues.KIND, payload, SCOPE + " AND (priority = High)", NEEDED))
                .as("read under another scope").isEmpty();
        assertThat(PolledIssues.read(PolledIssues.KIND, payload, SCOPE, List.of("summary", "duedate")))
                .as("a field the mapping reads is missing").isEmpty();
        assertThat(PolledIssues.read(PolledIssues.KIND, "", SCOPE, NEEDED)).as("a page that carried nothing").isEmpty();
        assertThat(PolledIssues.read(PolledIssues.KIND, "{\"issue\":{}}", SCOPE, NEEDED)).isEmpty();
        assertThat(PolledIssues.read(PolledIssues.KIND, "not json", SCOPE, NEEDED)).isEmpty();
        assertThat(PolledIssues.comments("jira:issue_updated", payload)).isEmpty();
    }

    @Test
    void commentsCutShortByThePageAreReadOnTheirOwn() {
        String payload = PolledIssues.payload(issue(2, 3), SCOPE, AT, Optional.empty());

        assertThat(PolledIssues.comments(PolledIssues.KIND, payload)).isEmpty();
        assertThat(PolledIssues.read(PolledIssues.KIND, payload, SCOPE, NEEDED)).isPresent();
    }
}
