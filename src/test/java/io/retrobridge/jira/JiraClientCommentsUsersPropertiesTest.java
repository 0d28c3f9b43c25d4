package io.retrobridge.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.retrobridge.sandbox.jira.JiraSeed.IssueSpec;
import io.retrobridge.transport.RemoteCallException;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Comments, user look-up, the account's time zone and issue entity properties. */
class JiraClientCommentsUsersPropertiesTest extends JiraClientTestSupport {

    @Test
    void aCommentAddedIsAnsweredAndListedWithItsAuthorAndTime() {
        String key = sandbox.seed().issue(IssueSpec.of("PAY", "Task", "Ship the fix"), BETH);

        JiraComment added = jira.addComment(key, adf("Synced from ServiceNow PRB0040012"));
        jira.addComment(key, adf("Second note"));

        assertThat(added.authorAccountId()).isEqualTo(BOT);
        assertThat(added.created()).isEqualTo(NOW);
        List<JiraComment> comments = jira.comments(key);
        assertThat(comments).hasSize(2);
        assertThat(comments.get(0).id()).isEqualTo(added.id());
        assertThat(comments.get(0).body()).isEqualTo(adf("Synced from ServiceNow PRB0040012"));
        assertThat(comments.get(1).body().toString()).contains("Second note");
    }

    @Test
    void aCloudCommentThatIsNotAnAtlassianDocumentIsRefusedBeforeSending() {
        assertThatThrownBy(() -> jira.addComment("PAY-1", new TextNode("plain text")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Atlassian Document");
        assertThat(sandbox.requests().all()).isEmpty();
    }

    @Test
    void aServerCommentMustBeWikiText() {
        assertThatThrownBy(() -> serverClient().addComment("PAY-1", adf("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wiki");
        assertThat(sandbox.requests().all()).isEmpty();
    }

    @Test
    void commentsOfAnIssueJiraDoesNotKnowFailAsNotFound() {
        assertThatThrownBy(() -> jira.comments("PAY-77")).isInstanceOfSatisfying(RemoteCallException.class,
                e -> assertThat(e.failure()).isEqualTo(RemoteCallException.Failure.NOT_FOUND));
    }

    @Test
    void aUserIsFoundByTheirExactEmailOnlyAndAskedForOnce() {
        assertThat(jira.accountIdByEmail("beth.anglin@example.com")).contains(BETH);
        assertThat(jira.accountIdByEmail("Beth.Anglin@Example.com")).contains(BETH);
        assertThat(sentCount("GET", "/user/search")).isEqualTo(1);

        assertThat(jira.accountIdByEmail("anglin@example.com")).as("a partial match is someone else").isEmpty();
        assertThat(jira.accountIdByEmail("nobody@example.com")).isEmpty();
        assertThat(jira.accountIdByEmail("nobody@example.com")).isEmpty();
        assertThat(sentCount("GET", "/user/search")).isEqualTo(3);
    }

    @Test
    void somethingThatIsNotAnEmailIsRefused() {
        assertThatThrownBy(() -> jira.accountIdByEmail("beth")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> jira.accountIdByEmail(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(sandbox.requests().all()).isEmpty();
    }

    @Test
    void theAccountsTimeZoneIsAskedOnce() {
        assertThat(jira.userTimeZone().normalized()).isEqualTo(ZoneOffset.UTC);
        assertThat(jira.userTimeZone().normalized()).isEqualTo(ZoneOffset.UTC);
        assertThat(sentCount("GET", "/rest/api/3/myself")).isEqualTo(1);
    }

    @Test
    void aPropertySetIsReadBackAndAMissingOneIsEmpty() {
        String key = sandbox.seed().issue(IssueSpec.of("PAY", "Task", "Ship the fix"), BETH);
        JsonNode link = object("{\"actionItemId\":\"42\",\"source\":\"servicenow\"}");

        jira.setProperty(key, "retrobridge.link", link);
        jira.setProperty(key, "retrobridge.link", object("{\"actionItemId\":\"43\"}"));

        assertThat(jira.property(key, "retrobridge.link")).contains(object("{\"actionItemId\":\"43\"}"));
        assertThat(sandbox.property(key, "retrobridge.link")).contains("{\"actionItemId\":\"43\"}");
        assertThat(jira.property(key, "other")).isEmpty();
        assertThat(jira.property("PAY-999", "retrobridge.link")).isEmpty();
    }

    @Test
    void aPropertyKeyThatCouldEscapeItsPathSegmentIsRefusedBeforeSending() {
        for (String key : List.of("a/b", "../../myself", "a b", "", "x".repeat(256))) {
            assertThatThrownBy(() -> jira.setProperty("PAY-1", key, object("{\"v\":1}")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("property key");
            assertThatThrownBy(() -> jira.property("PAY-1", key)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(sandbox.requests().all()).isEmpty();
    }
}
