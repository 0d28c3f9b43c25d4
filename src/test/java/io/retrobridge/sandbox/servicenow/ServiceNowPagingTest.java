package io.retrobridge.sandbox.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Paging with sysparm_limit/sysparm_offset and the Link header, as a poller walks a large result. */
class ServiceNowPagingTest extends SandboxTestSupport {

    private static final Pattern LINK = Pattern.compile("<([^>]+)>;rel=\"(\\w+)\"");

    @Test
    void followingNextLinksVisitsEveryMatchingRecordExactlyOnce() throws Exception {
        List<String> active = new ArrayList<>();
        for (int i = 0; i < 260; i++) {
            ServiceNowSeed.SeededRecord task = sandbox.seed().problemTask(Map.of(
                    "short_description", "Action item " + i, "state", i % 26 == 0 ? "157" : "154"));
            if (i % 26 != 0) {
                active.add(task.sysId());
            }
        }
        assertThat(active).hasSize(250);

        List<String> seen = new ArrayList<>();
        String next = "/api/now/table/problem_task?sysparm_query=" + q("active=true^ORDERBYnumber")
                + "&sysparm_fields=sys_id,number&sysparm_limit=40";
        int pages = 0;
        while (next != null) {
            HttpResponse<String> page = get(next);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("X-Total-Count")).contains("250");
            result(page).forEach(r -> seen.add(r.get("sys_id").asText()));
            Map<String, String> links = links(page);
            assertThat(links).containsKeys("first", "last");
            assertThat(links.containsKey("prev")).isEqualTo(pages > 0);
            next = links.containsKey("next") ? pathAndQuery(links.get("next")) : null;
            pages++;
        }

        assertThat(pages).isEqualTo(7);
        assertThat(seen).hasSize(250).doesNotHaveDuplicates().containsExactlyElementsOf(active);
    }

    @Test
    void lastLinkPointsAtTheFinalPageAndOffsetsBeyondTheEndAreEmpty() throws Exception {
        for (int i = 0; i < 25; i++) {
            sandbox.seed().problemTask(Map.of("short_description", "Item " + i));
        }

        HttpResponse<String> first = get("/api/now/table/problem_task?sysparm_limit=10");
        HttpResponse<String> last = get(pathAndQuery(links(first).get("last")));
        HttpResponse<String> beyond = get("/api/now/table/problem_task?sysparm_limit=10&sysparm_offset=30");

        assertThat(links(first).get("last")).contains("sysparm_offset=20");
        assertThat(result(last)).hasSize(5);
        assertThat(links(last)).doesNotContainKey("next");
        assertThat(result(beyond)).isEmpty();
        assertThat(beyond.headers().firstValue("X-Total-Count")).contains("25");
    }

    private static Map<String, String> links(HttpResponse<String> response) {
        Map<String, String> links = new HashMap<>();
        Matcher m = LINK.matcher(response.headers().firstValue("Link").orElse(""));
        while (m.find()) {
            links.put(m.group(2), m.group(1));
        }
        return links;
    }

    private static String pathAndQuery(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }
}
