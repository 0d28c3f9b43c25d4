package io.retrobridge.sandbox.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Comments with Atlassian Document bodies, and entity properties that stamp correlation ids on issues. */
class JiraCommentAndPropertyTest extends JiraSandboxTestSupport {

    @Test
    void aPostedCommentIsAnsweredAndListedInJiraShape() throws Exception {
        String key = createTask("Discuss", "");
        clock.advance(Duration.ofMinutes(1));

        HttpResponse<String> posted = post("/rest/api/3/issue/" + key + "/comment", "{\"body\":" + adf("Looks good")
                + ",\"visibility\":{\"type\":\"role\",\"value\":\"Administrators\",\"identifier\":\"Administrators\"}}");

        assertThat(posted.statusCode()).isEqualTo(201);
        JsonNode comment = json(posted);
        assertThat(comment.at("/author/accountId").asText()).isEqualTo(BOT);
        assertThat(comment.at("/updateAuthor/displayName").asText()).isEqualTo("RetroBridge");
        assertThat(comment.at("/body/content/0/content/0/text").asText()).isEqualTo("Looks good");
        assertThat(comment.get("created").asText()).isEqualTo("2026-11-25T10:16:30.000+0000");
        assertThat(comment.at("/visibility/value").asText()).isEqualTo("Administrators");
        assertThat(comment.get("self").asText()).contains("/comment/" + comment.get("id").asText());

        JsonNode page = json(get("/rest/api/3/issue/" + key + "/comment"));
        assertThat(page.get("total").asInt()).isEqualTo(1);
        assertThat(page.get("startAt").asInt()).isZero();
        assertThat(page.at("/comments/0/id").asText()).isEqualTo(comment.get("id").asText());
        assertThat(issue(key).at("/fields/updated").asText()).isEqualTo("2026-11-25T10:16:30.000+0000");
    }

    @Test
    void aPlainTextOrEmptyCommentIsRefused() throws Exception {
        String key = createTask("Discuss", "");

        HttpResponse<String> plain = post("/rest/api/3/issue/" + key + "/comment", "{\"body\":\"plain text\"}");
        HttpResponse<String> empty = post("/rest/api/3/issue/" + key + "/comment", "{}");

        assertThat(plain.statusCode()).isEqualTo(400);
        assertThat(json(plain).at("/errors/comment").asText()).contains("Atlassian Document");
        assertThat(json(empty).at("/errors/comment").asText()).isEqualTo("Comment body can not be empty!");
        assertThat(json(get("/rest/api/3/issue/" + key + "/comment")).get("total").asInt()).isZero();
    }

    @Test
    void commentsOnAnUnknownIssueAnswer404() throws Exception {
        assertThat(post("/rest/api/3/issue/PAY-404/comment", "{\"body\":" + adf("x") + "}").statusCode()).isEqualTo(404);
    }

    @Test
    void anEntityPropertyIsStoredReadAndReplacedWithoutTouchingTheIssue() throws Exception {
        String key = createTask("Correlate", "");
        clock.advance(Duration.ofMinutes(1));
        String path = "/rest/api/3/issue/" + key + "/properties/retrobridge";

        assertThat(put(path, "{\"correlationId\":\"PRBTASK0010001\"}").statusCode()).isEqualTo(201);
        assertThat(put(path, "{\"correlationId\":\"PRBTASK0010002\"}").statusCode()).isEqualTo(200);

        JsonNode property = json(get(path));
        assertThat(property.get("key").asText()).isEqualTo("retrobridge");
        assertThat(property.at("/value/correlationId").asText()).isEqualTo("PRBTASK0010002");
        assertThat(json(get("/rest/api/3/issue/" + key + "/properties")).at("/keys/0/key").asText())
                .isEqualTo("retrobridge");
        assertThat(issue(key).at("/fields/updated").asText()).isEqualTo("2026-11-25T10:15:30.000+0000");
    }

    @Test
    void aMissingPropertyAnswers404WithItsKey() throws Exception {
        String key = createTask("No property", "");

        HttpResponse<String> missing = get("/rest/api/3/issue/" + key + "/properties/nothing");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).get("errorMessages").get(0).asText()).contains("'nothing'");
    }
}
