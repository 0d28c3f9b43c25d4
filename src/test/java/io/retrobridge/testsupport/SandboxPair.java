package io.retrobridge.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retrobridge.sandbox.jira.JiraSandbox;
import io.retrobridge.sandbox.servicenow.ServiceNowSandbox;
import io.retrobridge.sandbox.servicenow.ServiceNowSeed.SeededRecord;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Both simulators seeded with the demo story, plus what a person at either system's UI would do to an action
 * item (create, edit, transition, assign) through its REST API, as a user other than the connector.
 */
public final class SandboxPair implements AutoCloseable {

    public static final String SYNC_EMAIL = "sync@retrobridge.example";
    public static final String SYNC_TOKEN = "sync-jira-token";
    public static final String PERSON_EMAIL = "beth.anglin@example.com";
    public static final String PERSON_TOKEN = "beth-jira-token";
    public static final String SYNC_USER = "retrobridge.sync";
    public static final String SYNC_PASSWORD = "sync-servicenow-password";
    public static final String PERSON_USER = "beth.anglin";
    public static final String PERSON_PASSWORD = "beth-servicenow-password";
    public static final String JIRA_WEBHOOK_SECRET = "test-jira-webhook-secret";
    public static final String SERVICENOW_WEBHOOK_SECRET = "test-servicenow-webhook-secret";
    public static final String TASKS = "problem_task";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One pair for every end-to-end sync test class: their Spring contexts then match and are started once.
     * Each test names its own items and counts writes as differences, so they do not disturb one another.
     * Held apart so that a class making its own pair does not start this one too.
     */
    public static SandboxPair shared() {
        return Shared.PAIR;
    }

    private static final class Shared {
        static final SandboxPair PAIR = new SandboxPair();
    }

    private boolean subscribed;

    public final JiraSandbox jira;
    public final ServiceNowSandbox servicenow;
    /** The demo's Jira issue keys by story name, e.g. {@code contractTests}. */
    public final Map<String, String> jiraKeys;
    /** The demo's ServiceNow problem tasks by story name, e.g. {@code canary}. */
    public final Map<String, SeededRecord> serviceNowTasks;

    public SandboxPair() {
        try {
            jira = new JiraSandbox(0, Clock.systemUTC());
            jira.addUser("557058:retrobridge", "RetroBridge", SYNC_EMAIL, SYNC_TOKEN);
            jiraKeys = jira.seed().demo();
            jira.addUser("557058:beth-anglin", "Beth Anglin", PERSON_EMAIL, PERSON_TOKEN);
            jira.start();
            servicenow = new ServiceNowSandbox(0, Clock.systemUTC());
            servicenow.addUser(SYNC_USER, SYNC_PASSWORD, "itil");
            serviceNowTasks = servicenow.seed().demo();
            servicenow.addUser(PERSON_USER, PERSON_PASSWORD, "itil");
            servicenow.start();
            Runtime.getRuntime().addShutdownHook(new Thread(this::close));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void register(DynamicPropertyRegistry registry) {
        registry.add("retrobridge.jira.base-url", () -> jira.baseUrl().toString());
        registry.add("retrobridge.jira.email", () -> SYNC_EMAIL);
        registry.add("retrobridge.jira.api-token", () -> SYNC_TOKEN);
        registry.add("retrobridge.servicenow.base-url", () -> servicenow.baseUrl().toString());
        registry.add("retrobridge.servicenow.username", () -> SYNC_USER);
        registry.add("retrobridge.servicenow.password", () -> SYNC_PASSWORD);
        // Retries and pacing small enough for a test, large enough to prove they happen.
        for (String system : List.of("jira", "servicenow")) {
            String prefix = "retrobridge.resilience." + system + ".";
            registry.add(prefix + "max-attempts", () -> "4");
            registry.add(prefix + "initial-backoff", () -> "20ms");
            registry.add(prefix + "max-backoff", () -> "2s");
            registry.add(prefix + "rate-limit-floor", () -> "50ms");
            registry.add(prefix + "requests-per-second", () -> "10000");
            registry.add(prefix + "breaker-minimum-calls", () -> "20");
            registry.add(prefix + "breaker-wait-seconds", () -> "1");
        }
    }

    /** Both simulators send their change notifications to the connector at {@code base}, from the first call on. */
    public synchronized void subscribeOnce(URI base, Runnable before) {
        if (subscribed) {
            return;
        }
        before.run();
        subscribe(base);
        subscribed = true;
    }

    private void subscribe(URI base) {
        jira.subscribe(base.resolve("/webhooks/jira"), JIRA_WEBHOOK_SECRET);
        servicenow.registerWebhook(base.resolve("/webhooks/servicenow"), SERVICENOW_WEBHOOK_SECRET,
                java.util.Set.of(TASKS));
    }

    /** Waits until every notification either simulator queued has been answered (or given up on). */
    public void awaitWebhooks() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (jira.pendingWebhooks() + servicenow.pendingWebhooks() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("webhooks still pending after 10 s: Jira " + jira.pendingWebhooks()
                        + ", ServiceNow " + servicenow.pendingWebhooks());
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    // ---- Jira, as a person ----

    public String createJiraItem(String summary) {
        JsonNode created = json(jiraCall("POST", "/rest/api/3/issue", "{\"fields\":{\"project\":{\"key\":\"PAY\"},"
                + "\"issuetype\":{\"name\":\"Task\"},\"summary\":" + quote(summary) + ",\"labels\":[\"retro-action\"]}}"));
        return created.get("key").asText();
    }

    public void editJira(String key, String fieldsJson) {
        jiraCall("PUT", "/rest/api/3/issue/" + key, "{\"fields\":" + fieldsJson + "}");
    }

    public void transitionJira(String key, String status) {
        JsonNode transitions = json(jiraCall("GET", "/rest/api/3/issue/" + key + "/transitions", null));
        for (JsonNode t : transitions.path("transitions")) {
            if (t.path("to").path("name").asText().equals(status)) {
                jiraCall("POST", "/rest/api/3/issue/" + key + "/transitions",
                        "{\"transition\":{\"id\":\"" + t.get("id").asText() + "\"}}");
                return;
            }
        }
        throw new AssertionError("no transition of " + key + " reaches " + status + ": " + transitions);
    }

    public JsonNode jiraIssue(String key) {
        return json(jiraCall("GET", "/rest/api/3/issue/" + key + "?fields=summary,status,assignee,labels,duedate", null));
    }

    /** The key of the one issue in PAY whose summary is exactly {@code summary}. */
    public String jiraKeyTitled(String summary) {
        JsonNode page = json(jiraCall("POST", "/rest/api/3/search/jql", "{\"jql\":\"project = PAY\","
                + "\"fields\":[\"summary\"],\"maxResults\":1000}"));
        for (JsonNode issue : page.path("issues")) {
            if (issue.path("fields").path("summary").asText().equals(summary)) {
                return issue.path("key").asText();
            }
        }
        throw new AssertionError("no issue in PAY is titled '" + summary + "'");
    }

    /** Issues in PAY whose summary is exactly {@code summary}. */
    public long jiraIssuesTitled(String summary) {
        JsonNode page = json(jiraCall("POST", "/rest/api/3/search/jql", "{\"jql\":\"project = PAY\","
                + "\"fields\":[\"summary\"],\"maxResults\":1000}"));
        long n = 0;
        for (JsonNode issue : page.path("issues")) {
            n += issue.path("fields").path("summary").asText().equals(summary) ? 1 : 0;
        }
        return n;
    }

    public String jiraCall(String method, String path, String body) {
        return jiraCallAs(PERSON_EMAIL, PERSON_TOKEN, method, path, body);
    }

    /** A Jira REST call as any account this simulator knows, e.g. the connector's own. */
    public String jiraCallAs(String email, String token, String method, String path, String body) {
        return call(jira.baseUrl() + path, method, body, email + ":" + token);
    }

    // ---- ServiceNow, as a person ----

    public String createTask(String shortDescription) {
        JsonNode created = json(servicenowCall("POST", "/api/now/table/" + TASKS,
                "{\"short_description\":" + quote(shortDescription) + ",\"problem_task_type\":\"general\"}"));
        return created.path("result").get("sys_id").asText();
    }

    public void patchTask(String sysId, String fieldsJson) {
        servicenowCall("PATCH", "/api/now/table/" + TASKS + "/" + sysId, fieldsJson);
    }

    public Map<String, String> task(String sysId) {
        return servicenow.record(TASKS, sysId).orElseThrow();
    }

    public List<Map<String, String>> tasksWhere(Predicate<Map<String, String>> filter) {
        return servicenow.records(TASKS).stream().filter(filter).toList();
    }

    public long tasksTitled(String shortDescription) {
        return tasksWhere(t -> shortDescription.equals(t.get("short_description"))).size();
    }

    /** How many problem tasks carry each of {@code titles} as their short description; 0 for one none has. */
    public Map<String, Integer> tasksByTitle(Collection<String> titles) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        titles.forEach(title -> counts.put(title, 0));
        for (Map<String, String> task : servicenow.records(TASKS)) {
            counts.computeIfPresent(task.get("short_description"), (title, n) -> n + 1);
        }
        return counts;
    }

    public Map<String, String> taskTitled(String shortDescription) {
        List<Map<String, String>> found = tasksWhere(t -> shortDescription.equals(t.get("short_description")));
        assertThat(found).as("problem tasks titled %s", shortDescription).hasSize(1);
        return found.get(0);
    }

    public String servicenowCall(String method, String path, String body) {
        return servicenowCallAs(PERSON_USER, PERSON_PASSWORD, method, path, body);
    }

    /** A ServiceNow REST call as any user this simulator knows, e.g. the connector's own. */
    public String servicenowCallAs(String user, String password, String method, String path, String body) {
        return call(servicenow.baseUrl() + path, method, body, user + ":" + password);
    }

    // ---- writes the connector made ----

    public long jiraWrites() {
        return jira.requests().successfulWrites("/rest/api");
    }

    public long servicenowWrites() {
        return servicenow.requests().successfulWrites("/api/now/table");
    }

    public static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String call(String url, String method, String body, String credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return SuccessfulHttp.send(request.build());
    }

    /** Stops both simulators, after checking every Jira request they saw against Jira's published spec. */
    @Override
    public void close() {
        try {
            JiraOpenApiValidator.assertEveryRequestValid(jira.requests());
        } finally {
            jira.close();
            servicenow.close();
        }
    }
}
