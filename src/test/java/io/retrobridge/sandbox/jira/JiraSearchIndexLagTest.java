package io.retrobridge.sandbox.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Jira Cloud's search is not immediately consistent (its OpenAPI description of {@code /rest/api/3/search/jql}:
 * "Recent updates might not be immediately visible"): with a search-index lag, a new issue and a label added to one
 * reach search results only after the lag, while a read by id or key sees them at once.
 */
class JiraSearchIndexLagTest extends JiraSandboxTestSupport {

    @Test
    void aNewIssueIsReadableByKeyAtOnceButFoundBySearchOnlyAfterTheLag() throws Exception {
        sandbox.searchIndexLag(Duration.ofMinutes(2));
        String key = createTask("Lagging in the index", "\"labels\":[\"rb-0123456789ab\"]");

        assertThat(issue(key).path("key").asText()).isEqualTo(key);
        assertThat(keysLabelled("rb-0123456789ab")).as("search right after the create").isEmpty();
        clock.advance(Duration.ofSeconds(119));
        assertThat(keysLabelled("rb-0123456789ab")).as("search just before the lag has passed").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(keysLabelled("rb-0123456789ab")).containsExactly(key);
    }

    @Test
    void aLabelAddedLaterIsSearchableOnlyAfterTheLag() throws Exception {
        String key = createTask("Labelled later", "");
        sandbox.searchIndexLag(Duration.ofSeconds(30));

        assertThat(put("/rest/api/3/issue/" + key, "{\"fields\":{\"labels\":[\"rb-esc-later\"]}}").statusCode())
                .isEqualTo(204);

        assertThat(issue(key).path("fields").path("labels").toString()).contains("rb-esc-later");
        assertThat(keysLabelled("rb-esc-later")).isEmpty();
        clock.advance(Duration.ofSeconds(30));
        assertThat(keysLabelled("rb-esc-later")).containsExactly(key);
    }

    @Test
    void withoutALagSearchSeesEveryChangeAtOnce() throws Exception {
        String key = createTask("Indexed at once", "\"labels\":[\"rb-fedcba987654\"]");

        assertThat(keysLabelled("rb-fedcba987654")).containsExactly(key);
    }

    private List<String> keysLabelled(String label) throws Exception {
        JsonNode page = json(post("/rest/api/3/search/jql", "{\"jql\":\"project = PAY AND labels = " + label
                + "\",\"fields\":[\"summary\"]}"));
        List<String> keys = new ArrayList<>();
        page.path("issues").forEach(issue -> keys.add(issue.path("key").asText()));
        return keys;
    }
}
