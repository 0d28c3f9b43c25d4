package io.retrobridge.sandbox.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.sandbox.SandboxJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's answers carry every member the spec's own examples show (same JSON type), except the
 * parts of Jira the sandbox does not simulate, which are named here.
 */
class JiraSampleShapeTest extends JiraSandboxTestSupport {

    /** Parts of Jira with no counterpart in the sandbox: attachments, work logs, watchers, links, sub-tasks, time tracking, project categories and insight, comment visibility, transition screen field metadata. */
    private static final Set<String> NOT_SIMULATED = Set.of("attachment", "worklog", "watcher", "issuelinks",
            "sub-tasks", "timetracking", "projectCategory", "insight", "style", "visibility", "key", "name",
            "transition", "isConditional", "isAvailable", "isGlobal", "isInitial", "fields", "description");

    private static JsonNode sample(String name) throws Exception {
        Path file = Path.of(System.getProperty("retrobridge.reference-dir"), "jira", "samples", name);
        return SandboxJson.parse(Files.readString(file));
    }

    /** Paths of members the sample has and the answer lacks or holds with another JSON type. */
    private static List<String> missing(JsonNode sample, JsonNode actual, String path, Set<String> skip) {
        List<String> problems = new ArrayList<>();
        if (sample.isObject()) {
            Iterator<String> names = sample.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (skip.contains(name)) {
                    continue;
                }
                JsonNode expected = sample.get(name);
                JsonNode got = actual.get(name);
                if (got == null) {
                    problems.add(path + "/" + name + " is missing");
                } else if (!expected.isNull() && !got.isNull() && expected.getNodeType() != got.getNodeType()) {
                    problems.add(path + "/" + name + " is " + got.getNodeType() + ", sample has " + expected.getNodeType());
                } else {
                    problems.addAll(missing(expected, got, path + "/" + name, skip));
                }
            }
        } else if (sample.isArray() && !sample.isEmpty() && actual.isArray() && !actual.isEmpty()) {
            problems.addAll(missing(sample.get(0), actual.get(0), path + "/0", skip));
        }
        return problems;
    }

    @Test
    void myselfAndUserSearchHaveTheSampleMembers() throws Exception {
        assertThat(missing(sample("myself.response-200.json"), json(get("/rest/api/3/myself")), "", Set.of("key", "name")))
                .isEmpty();
        JsonNode users = json(get("/rest/api/3/user/search?query=example.com"));
        assertThat(users).isNotEmpty();
        assertThat(missing(sample("user-search.response-200.json"), users, "", Set.of("key", "name"))).isEmpty();
    }

    @Test
    void createAndGetHaveTheSampleMembers() throws Exception {
        String key = createTask("Shapes", "\"description\":" + adf("Main order flow broken"));
        JsonNode issue = issue(key);
        JsonNode created = json(post("/rest/api/3/issue", "{\"fields\":{\"project\":{\"key\":\"PAY\"},"
                + "\"issuetype\":{\"name\":\"Bug\"},\"summary\":\"Another\"}}"));

        assertThat(missing(sample("issue-create.response-201.json"), created, "", NOT_SIMULATED)).isEmpty();
        assertThat(missing(sample("issue-get.response-200.json"), issue, "",
                Set.of("attachment", "worklog", "watcher", "issuelinks", "sub-tasks", "timetracking", "projectCategory",
                        "insight", "style", "comment", "updated"))).isEmpty();
        assertThat(issue.at("/fields/updated").isTextual()).as("updated is a Jira timestamp, not the sample's 1").isTrue();
    }

    @Test
    void commentsHaveTheSampleMembers() throws Exception {
        String key = createTask("Comments", "");
        JsonNode posted = json(post("/rest/api/3/issue/" + key + "/comment", SandboxJson.write(
                sample("comment-post.request.json"))));
        JsonNode page = json(get("/rest/api/3/issue/" + key + "/comment"));

        assertThat(missing(sample("comment-post.response-201.json"), posted, "", Set.of())).isEmpty();
        assertThat(missing(sample("comments-get.response-200.json"), page, "", Set.of())).isEmpty();
    }

    @Test
    void transitionsAndSearchHaveTheSampleMembers() throws Exception {
        String key = createTask("Search me", "");
        JsonNode transitions = json(get("/rest/api/3/issue/" + key + "/transitions?expand=transitions.fields"));
        JsonNode search = json(post("/rest/api/3/search/jql", "{\"jql\":\"project = PAY\",\"fields\":[\"*all\"]}"));

        assertThat(missing(sample("transitions-get.response-200.json"), transitions, "", Set.of("fields")))
                .isEmpty();
        assertThat(missing(sample("search-jql.response-200.json"), search, "",
                Set.of("attachment", "worklog", "watcher", "issuelinks", "sub-tasks", "timetracking", "projectCategory",
                        "insight", "style", "comment", "updated", "description"))).isEmpty();
    }
}
