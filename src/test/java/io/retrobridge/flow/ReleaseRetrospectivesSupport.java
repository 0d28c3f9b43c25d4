package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.flow.inbox.InboxWorker;
import io.retrobridge.jira.JiraPoller;
import io.retrobridge.retro.RetrospectiveMarkers;
import io.retrobridge.servicenow.ChangeRequestPoller;
import io.retrobridge.servicenow.ServiceNowPoller;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.testsupport.AdminApi;
import io.retrobridge.testsupport.JiraOpenApiValidator;
import io.retrobridge.testsupport.KeyedApi;
import io.retrobridge.testsupport.SandboxPair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The connector with the shipped mappings (so the shipped {@code retrospectives.yaml} decides), a pipeline key and a
 * GitHub webhook secret, in front of simulators of its own: releases are reported through the real HTTP endpoints and
 * the ServiceNow Table API, and what opened is read back from both simulators and {@code GET /api/retrospectives}.
 * One Spring context and one simulator pair for every class built on it; each test names its own applications and
 * changes. The inbox is worked down by the tests, as the schedule is off in tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "retrobridge.security.api-keys[0].name=release-pipeline",
        "retrobridge.security.api-keys[0].key=" + ReleaseRetrospectivesSupport.PIPELINE_KEY,
        "retrobridge.security.api-keys[0].role=pipeline",
        "retrobridge.pipeline.github.webhook-secret=" + ReleaseRetrospectivesSupport.GITHUB_SECRET})
@ActiveProfiles("test")
abstract class ReleaseRetrospectivesSupport {

    static final String PIPELINE_KEY = "pipe-Hx7kQ2wE9rT4yU1i";
    static final String GITHUB_SECRET = "release-e2e-github-secret";
    static final SandboxPair systems = Shared.PAIR;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Started once for every class built on this, with the Major Incident Management plugin on. */
    private static final class Shared {
        static final SandboxPair PAIR = new SandboxPair();

        static {
            PAIR.servicenow.activateMajorIncidentManagement();
        }
    }

    @DynamicPropertySource
    static void systems(DynamicPropertyRegistry registry) {
        systems.register(registry);
    }

    @AfterAll
    static void everyJiraRequestMatchesTheSpec() {
        JiraOpenApiValidator.assertEveryRequestValid(systems.jira.requests());
    }

    @LocalServerPort
    int port;
    @Autowired
    InboxWorker worker;
    @Autowired
    EventInbox inbox;
    @Autowired
    JiraPoller jiraPoller;
    @Autowired
    ServiceNowPoller serviceNowPoller;
    @Autowired
    ChangeRequestPoller changePoller;
    @Autowired
    JdbcClient jdbc;

    // ---- the inbox ----

    /** Works the inbox down (deployments, change versions, then the retrospectives they queue); counts our writes. */
    Writes settle() {
        return new InboxSettler(systems, worker, inbox, jiraPoller, serviceNowPoller).settle();
    }

    /** Reads the change requests changed since the last poll, as the schedule would, and works the inbox down. */
    Writes pollChanges() {
        changePoller.poll();
        return settle();
    }

    /**
     * The outcome the inbox recorded for an event the API accepted, e.g. "APPLIED: recorded ...", up to what the
     * retrospective triggers decided (when PIR figures are collected, said after it, is PirTriggersTest's subject).
     */
    String outcome(HttpResponse<String> accepted) {
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = json(accepted.body()).path("event").asText();
        settle();
        Map<String, Object> row = jdbc.sql("SELECT status, outcome_reason FROM inbound_events WHERE id = :id")
                .param("id", UUID.fromString(id)).query().singleRow();
        return (row.get("STATUS") + ": " + row.get("OUTCOME_REASON")).replaceFirst("; PIR figures for [^;]*$", "");
    }

    /** How many retrospectives were queued under this key: stored once however often the trigger came. */
    long queuedRetrospectives(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM inbound_events WHERE event_kind = 'retro:open' AND entity_id = :key")
                .param("key", key).query(Long.class).single();
    }

    // ---- a pipeline ----

    /** A finished run of {@code application} to production, reported by a pipeline with every field it has. */
    static ObjectNode deployment(String application, String version, String runId, String result, String startedAt,
                                 String finishedAt) {
        ObjectNode event = JSON.createObjectNode();
        event.put("application", application);
        event.put("environment", "production");
        event.put("version", version);
        event.put("commitSha", "9f2c4e1a7b3d5f608192a3b4c5d6e7f809a1b2c3");
        event.put("pipeline", application + " release");
        event.put("runId", runId);
        event.put("runUrl", "https://ci.example.com/" + application + "/runs/" + runId);
        event.put("startedAt", startedAt);
        if (finishedAt != null) {
            event.put("finishedAt", finishedAt);
            event.put("result", result);
        }
        return event;
    }

    HttpResponse<String> report(JsonNode event) {
        return post("/api/events/deployments", event.toString(), "X-API-Key", PIPELINE_KEY);
    }

    HttpResponse<String> post(String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- what opened ----

    /** Every retrospective the API lists, newest first. */
    List<JsonNode> listedRetrospectives() {
        HttpResponse<String> listed = new KeyedApi(port).get("/api/retrospectives?limit=500", AdminApi.ADMIN_KEY);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        json(listed.body()).path("items").forEach(items::add);
        return items;
    }

    /** The retrospectives the API lists for this trigger key. */
    List<JsonNode> listedRetrospectives(String key) {
        return listedRetrospectives().stream().filter(item -> key.equals(item.path("trigger").path("key").asText()))
                .toList();
    }

    /** The API's retrospectives of one application. */
    List<JsonNode> retrospectivesOf(String application) {
        HttpResponse<String> listed = new KeyedApi(port).get("/api/retrospectives?application=" + application,
                AdminApi.ADMIN_KEY);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        json(listed.body()).path("items").forEach(items::add);
        return items;
    }

    /** ServiceNow problems carrying the retrospective marker of the key. */
    static List<Map<String, String>> problemsOf(String key) {
        String marker = RetrospectiveMarkers.of(key);
        return systems.servicenow.records("problem").stream().filter(p -> marker.equals(p.get("correlation_id")))
                .toList();
    }

    /** Jira issues labelled with the retrospective marker of the key. */
    static List<String> issuesOf(String key) {
        return systems.jira.issueKeysLabelled(RetrospectiveMarkers.of(key));
    }

    static JsonNode issueFields(String key) {
        return SandboxPair.json(systems.jiraCall("GET", "/rest/api/3/issue/" + key, null)).path("fields");
    }

    static List<String> labels(JsonNode fields) {
        List<String> labels = new ArrayList<>();
        fields.path("labels").forEach(label -> labels.add(label.asText()));
        return labels;
    }

    /** The headings of an ADF description, in order. */
    static List<String> headings(JsonNode fields) {
        List<String> headings = new ArrayList<>();
        for (JsonNode block : fields.path("description").path("content")) {
            if ("heading".equals(block.path("type").asText())) {
                headings.add(text(block));
            }
        }
        return headings;
    }

    /** The first paragraph of an ADF description: why it was opened and when it is due. */
    static String opening(JsonNode fields) {
        return text(fields.path("description").path("content").get(0));
    }

    /**
     * The timeline table of a retrospective's ADF description, without its header: each row's cells as text, the
     * What cell followed by the address it links to when it links one.
     */
    static List<List<String>> timeline(JsonNode fields) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode block : fields.path("description").path("content")) {
            if (!"table".equals(block.path("type").asText())) {
                continue;
            }
            for (JsonNode row : block.path("content")) {
                if ("tableHeader".equals(row.path("content").path(0).path("type").asText())) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (JsonNode cell : row.path("content")) {
                    cells.add(text(cell));
                    JsonNode link = cell.findPath("marks").path(0).path("attrs").path("href");
                    if (!link.isMissingNode()) {
                        cells.add(link.asText());
                    }
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    /** Whether the description says the pipelines reported no runs. */
    static boolean saysNoDeployments(JsonNode fields) {
        return fields.path("description").toString().contains("No deployment events recorded.");
    }

    private static String text(JsonNode node) {
        StringBuilder text = new StringBuilder();
        if (node.has("text")) {
            text.append(node.get("text").asText());
        }
        node.path("content").forEach(child -> text.append(text(child)));
        return text.toString();
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    static String uniqueApplication(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
