package io.retrobridge.flow.comments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.retrobridge.jira.JiraComments;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Our copies are recognised by their first line, whoever wrote the original; nobody else's comment is. */
class CommentMarkersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aWorkNoteWeWroteNamesTheJiraCommentItCameFrom() {
        String marker = CommentMarkers.forServiceNow("PAY-12", "Ada Lovelace", "10001");

        assertThat(marker).isEqualTo("[Jira PAY-12 comment by Ada Lovelace] (rb-comment 10001)");
        assertThat(CommentMarkers.copiedFromJira(marker + "\n[code]<p>text</p>[/code]")).contains("10001");
    }

    @Test
    void aJiraCommentWeWroteNamesTheJournalEntryItCameFrom() throws Exception {
        String marker = CommentMarkers.forJira("PTASK0010001", "work note", "beth.anglin", "6c1e2f");
        JsonNode adf = JSON.readTree("{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":\"paragraph\",\"content\":"
                + "[{\"type\":\"text\",\"text\":" + JSON.writeValueAsString(marker) + "}]},{\"type\":\"paragraph\"}]}");

        assertThat(marker).isEqualTo("From ServiceNow PTASK0010001 (work note by beth.anglin, rb-comment 6c1e2f):");
        assertThat(CommentMarkers.copiedFromServiceNow(JiraComments.firstLine(adf))).contains("6c1e2f");
        assertThat(CommentMarkers.copiedFromServiceNow(JiraComments.firstLine(TextNode.valueOf(marker + "\n\nwiki text")))).contains("6c1e2f");
    }

    @Test
    void peopleQuotingAMarkerHalfwayOrWithoutAnIdAreNotTakenForUs() throws Exception {
        assertThat(CommentMarkers.copiedFromJira("As the note said: [Jira PAY-1 comment by X] (rb-comment 1)")).isEmpty();
        assertThat(CommentMarkers.copiedFromJira("[Jira PAY-1 comment by X] thanks")).isEmpty();
        assertThat(CommentMarkers.copiedFromServiceNow(JiraComments.firstLine(TextNode.valueOf("From ServiceNow PTASK1 (work note by x):")))).isEmpty();
        assertThat(CommentMarkers.copiedFromServiceNow(JiraComments.firstLine(JSON.readTree("{\"type\":\"doc\",\"content\":[]}")))).isEmpty();
        assertThat(CommentMarkers.copiedFromServiceNow(JiraComments.firstLine(null))).isEmpty();
        assertThat(CommentMarkers.copiedFromJira(null)).isEmpty();
    }

    @Property
    void anyAuthorNameKeepsTheMarkerReadable(@ForAll String author) {
        assertThat(CommentMarkers.copiedFromJira(CommentMarkers.forServiceNow("PAY-7", author, "10042"))).contains("10042");
        assertThat(CommentMarkers.copiedFromServiceNow(JiraComments.firstLine(TextNode.valueOf(
                CommentMarkers.forJira("PTASK0010002", "comment", author, "abc123"))))).contains("abc123");
    }
}
