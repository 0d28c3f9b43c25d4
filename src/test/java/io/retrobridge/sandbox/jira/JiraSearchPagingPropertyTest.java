package io.retrobridge.sandbox.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.sandbox.SandboxJson;
import io.retrobridge.testsupport.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.constraints.IntRange;

/** Paging through a search with any page size returns every matching issue exactly once. */
class JiraSearchPagingPropertyTest {

    private static final int ISSUES = 37;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static JiraSandbox sandbox;
    private static Set<String> retroActions;

    @BeforeContainer
    static void seed() throws Exception {
        MutableClock clock = new MutableClock(JiraSandboxTestSupport.START);
        sandbox = new JiraSandbox(0, clock).start();
        sandbox.addUser("bot", "RetroBridge", "bot@example.com", "t");
        sandbox.seed().project("PAY", "Payments");
        retroActions = new TreeSet<>();
        for (int i = 0; i < ISSUES; i++) {
            // Several issues share an updated time, so the order's tie-break is what keeps pages apart.
            if (i % 3 == 0) {
                clock.advance(Duration.ofMinutes(1));
            }
            JiraSeed.IssueSpec spec = JiraSeed.IssueSpec.of("PAY", "Task", "Item " + i);
            String key = sandbox.seed().issue(i % 4 == 0 ? spec : spec.labels("retro-action"), "bot");
            if (i % 4 != 0) {
                retroActions.add(key);
            }
        }
    }

    @AfterContainer
    static void stop() {
        sandbox.close();
    }

    @Property(tries = 25)
    void everyMatchComesExactlyOnce(@ForAll @IntRange(min = 1, max = 40) int pageSize,
            @ForAll boolean newestFirst) throws Exception {
        String jql = "project = PAY AND labels = retro-action ORDER BY updated " + (newestFirst ? "DESC" : "ASC");
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode page = search(jql, pageSize, token);
            page.get("issues").forEach(i -> seen.add(i.get("key").asText()));
            token = page.path("nextPageToken").asText(null);
            assertThat(page.get("isLast").asBoolean()).isEqualTo(token == null);
            assertThat(++pages).isLessThanOrEqualTo(ISSUES + 1);
        } while (token != null);

        assertThat(seen).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(seen)).isEqualTo(retroActions);
    }

    private static JsonNode search(String jql, int maxResults, String token) throws Exception {
        ObjectNode body = SandboxJson.object().put("jql", jql).put("maxResults", maxResults);
        if (token != null) {
            body.put("nextPageToken", token);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/rest/api/3/search/jql"))
                .header("Authorization", JiraSandboxTestSupport.basic("bot@example.com", "t"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(SandboxJson.write(body)))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return SandboxJson.parse(response.body());
    }
}
