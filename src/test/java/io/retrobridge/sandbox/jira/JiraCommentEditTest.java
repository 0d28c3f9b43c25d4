package io.retrobridge.sandbox.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Editing and deleting one comment by its id, as Jira Cloud's {@code PUT/DELETE .../comment/{id}} do. */
class JiraCommentEditTest extends JiraSandboxTestSupport {

    private String commentOn(String key, String text) throws Exception {
        return json(post("/rest/api/3/issue/" + key + "/comment", "{\"body\":" + adf(text) + "}")).get("id").asText();
    }

    @Test
    void anEditReplacesTheBodyKeepsTheIdAndCreatedAndMovesUpdated() throws Exception {
        String key = createTask("Discuss", "");
        String id = commentOn(key, "First figures");
        clock.advance(Duration.ofMinutes(5));

        HttpResponse<String> edited = put("/rest/api/3/issue/" + key + "/comment/" + id,
                "{\"body\":" + adf("Second figures") + "}");

        assertThat(edited.statusCode()).isEqualTo(200);
        JsonNode comment = json(edited);
        assertThat(comment.get("id").asText()).isEqualTo(id);
        assertThat(comment.at("/body/content/0/content/0/text").asText()).isEqualTo("Second figures");
        assertThat(comment.get("created").asText()).isEqualTo("2026-11-25T10:15:30.000+0000");
        assertThat(comment.get("updated").asText()).isEqualTo("2026-11-25T10:20:30.000+0000");
        JsonNode page = json(get("/rest/api/3/issue/" + key + "/comment"));
        assertThat(page.get("total").asInt()).isEqualTo(1);
        assertThat(page.at("/comments/0/body/content/0/content/0/text").asText()).isEqualTo("Second figures");
        assertThat(issue(key).at("/fields/updated").asText()).isEqualTo("2026-11-25T10:20:30.000+0000");
    }

    @Test
    void anEditIsRefusedAsANewCommentWouldBe() throws Exception {
        String key = createTask("Discuss", "");
        String id = commentOn(key, "Figures");
        String path = "/rest/api/3/issue/" + key + "/comment/" + id;

        HttpResponse<String> plain = put(path, "{\"body\":\"plain text\"}");
        HttpResponse<String> empty = put(path, "{}");

        assertThat(plain.statusCode()).isEqualTo(400);
        assertThat(json(plain).at("/errors/comment").asText()).contains("Atlassian Document");
        assertThat(json(empty).at("/errors/comment").asText()).isEqualTo("Comment body can not be empty!");
        assertThat(json(get("/rest/api/3/issue/" + key + "/comment")).at("/comments/0/body/content/0/content/0/text")
                .asText()).isEqualTo("Figures");
    }

    @Test
    void anUnknownCommentAHiddenIssueOrAnUnknownIssueAnswer404() throws Exception {
        String key = createTask("Discuss", "");
        String id = commentOn(key, "Figures");

        assertThat(put("/rest/api/3/issue/" + key + "/comment/99999", "{\"body\":" + adf("x") + "}").statusCode())
                .isEqualTo(404);
        assertThat(put("/rest/api/3/issue/PAY-404/comment/" + id, "{\"body\":" + adf("x") + "}").statusCode())
                .isEqualTo(404);
        sandbox.hideIssueFrom(key, BOT);
        assertThat(put("/rest/api/3/issue/" + key + "/comment/" + id, "{\"body\":" + adf("x") + "}").statusCode())
                .isEqualTo(404);
        assertThat(delete("/rest/api/3/issue/" + key + "/comment/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void aDeletedCommentIsGoneAndCannotBeEdited() throws Exception {
        String key = createTask("Discuss", "");
        String id = commentOn(key, "Figures");
        String path = "/rest/api/3/issue/" + key + "/comment/" + id;

        assertThat(delete(path).statusCode()).isEqualTo(204);

        assertThat(json(get("/rest/api/3/issue/" + key + "/comment")).get("total").asInt()).isZero();
        assertThat(put(path, "{\"body\":" + adf("x") + "}").statusCode()).isEqualTo(404);
        assertThat(delete(path).statusCode()).isEqualTo(404);
    }
}
